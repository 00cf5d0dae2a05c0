package io.github.natsspring.autoconfigure;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A self-signed certificate for localhost and 127.0.0.1, made with the JDK's keytool: a PKCS#12 key store (password
 * {@code changeit}) holding it, and the same certificate and key written out as PEM files for nats-server and
 * configuration files.
 *
 * @param keyStore the PKCS#12 key store
 * @param certificatePem the certificate, PEM
 * @param keyPem the private key, PKCS#8 PEM
 */
public record SelfSignedCertificate(Path keyStore, Path certificatePem, Path keyPem) {

	/**
	 * Makes a certificate.
	 * @param directory where to write its files
	 * @return the certificate
	 * @throws Exception if keytool fails
	 */
	public static SelfSignedCertificate create(Path directory) throws Exception {
		Path keyStore = directory.resolve("broker.p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize",
				"2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "1",
				"-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, "changeit".toCharArray());
		}
		Path certificatePem = writePem(directory.resolve("broker-cert.pem"), "CERTIFICATE",
				store.getCertificate("broker").getEncoded());
		Path keyPem = writePem(directory.resolve("broker-key.pem"), "PRIVATE KEY",
				store.getKey("broker", "changeit".toCharArray()).getEncoded());
		return new SelfSignedCertificate(keyStore, certificatePem, keyPem);
	}

	private static Path writePem(Path file, String type, byte[] der) throws Exception {
		return Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
			.encodeToString(der) + "\n-----END " + type + "-----\n");
	}

	/**
	 * Properties of an SSL bundle whose key store and trust store are the key store.
	 * @param name the bundle's name
	 * @return {@code spring.ssl.bundle.jks.<name>.*} properties
	 */
	List<String> bundleProperties(String name) {
		String prefix = "spring.ssl.bundle.jks." + name + ".";
		return List.of(prefix + "keystore.location=file:" + this.keyStore, prefix + "keystore.password=changeit",
				prefix + "keystore.type=PKCS12", prefix + "truststore.location=file:" + this.keyStore,
				prefix + "truststore.password=changeit", prefix + "truststore.type=PKCS12");
	}
}
