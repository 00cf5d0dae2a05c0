package io.github.natsspring.broker.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificates made at test time, so that no private key is ever committed: a CA, a server certificate for
 * {@code localhost} and {@code 127.0.0.1}, and client certificates, written as PEM files for both servers.
 */
public final class TestCertificates {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final KeyPair caKeys;

	private final X509Certificate ca;

	private TestCertificates(Path directory, KeyPair caKeys, X509Certificate ca) {
		this.directory = directory;
		this.caKeys = caKeys;
		this.ca = ca;
	}

	/**
	 * Makes a CA and writes it as {@code ca.pem}.
	 * @param directory where the files go
	 * @param name the CA's common name
	 * @return the certificates
	 * @throws Exception when the JDK cannot make the keys
	 */
	public static TestCertificates create(Path directory, String name) throws Exception {
		Files.createDirectories(directory);
		KeyPair keys = rsa();
		X509Certificate ca = sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys.getPrivate(), true,
				null);
		TestCertificates certificates = new TestCertificates(directory, keys, ca);
		certificates.writePem("ca.pem", ca);
		return certificates;
	}

	/** The CA's certificate file. */
	public Path caFile() {
		return this.directory.resolve("ca.pem");
	}

	/**
	 * A server certificate for localhost and 127.0.0.1, with its key as PKCS#8, PKCS#1 or SEC1 EC.
	 * @param name the file prefix
	 * @param keyFormat how the key is written
	 * @return the pair of files
	 * @throws Exception when signing fails
	 */
	public Issued server(String name, KeyFormat keyFormat) throws Exception {
		KeyPair keys = (keyFormat == KeyFormat.SEC1_EC) ? ec() : rsa();
		GeneralNames names = new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
				new GeneralName(GeneralName.iPAddress, "127.0.0.1") });
		X509Certificate certificate = sign(new X500Name("CN=" + name), keys, this.ca, names);
		return write(name, certificate, keys.getPrivate(), keyFormat);
	}

	/**
	 * A client certificate.
	 * @param name the file prefix
	 * @param subject the subject DN, e.g. {@code CN=alice,O=Acme}
	 * @param email an e-mail SAN, or {@code null}
	 * @return the pair of files
	 * @throws Exception when signing fails
	 */
	public Issued client(String name, String subject, String email) throws Exception {
		KeyPair keys = rsa();
		GeneralNames names = (email != null)
				? new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)) : null;
		X509Certificate certificate = sign(new X500Name(subject), keys, this.ca, names);
		return write(name, certificate, keys.getPrivate(), KeyFormat.PKCS8);
	}

	private Issued write(String name, X509Certificate certificate, PrivateKey key, KeyFormat format)
			throws IOException {
		Path certificateFile = writePem(name + "-cert.pem", certificate);
		Path keyFile = this.directory.resolve(name + "-key.pem");
		StringWriter pem = new StringWriter();
		try (PemWriter writer = new PemWriter(pem)) {
			switch (format) {
				case PKCS8 -> writer.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
				case PKCS1_RSA -> writer.writeObject(new JcaMiscPEMGenerator(key));
				case SEC1_EC -> writer.writeObject(new PemObject("EC PRIVATE KEY", sec1WithCurve(key)));
			}
		}
		Files.writeString(keyFile, pem.toString(), StandardCharsets.US_ASCII);
		return new Issued(certificateFile, keyFile, certificate, key);
	}

	/** SEC1 as openssl writes it, naming its curve: the JDK's PKCS#8 keeps the curve outside the key. */
	private static byte[] sec1WithCurve(PrivateKey key) throws IOException {
		PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
		ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
		ASN1Primitive curve = info.getPrivateKeyAlgorithm().getParameters().toASN1Primitive();
		return new ECPrivateKey(256, inner.getKey(), inner.getPublicKey(), curve).getEncoded();
	}

	private Path writePem(String file, Object object) throws IOException {
		Path path = this.directory.resolve(file);
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(object);
		}
		Files.writeString(path, pem.toString(), StandardCharsets.US_ASCII);
		return path;
	}

	/**
	 * An SSL context that trusts this CA and presents the given client certificate, if any.
	 * @param client the client's certificate and key, or {@code null}
	 * @return the context for jnats
	 * @throws Exception when the JDK refuses the material
	 */
	public SSLContext clientContext(Issued client) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", this.ca);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		KeyManagerFactory keyManagers = null;
		if (client != null) {
			keyManagers = client.keyManagers();
		}
		SSLContext context = SSLContext.getInstance("TLS");
		context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trustManagers.getTrustManagers(),
				RANDOM);
		return context;
	}

	private X509Certificate sign(X500Name subject, KeyPair keys, X509Certificate issuer, GeneralNames names)
			throws Exception {
		return sign(subject, keys, new X500Name(issuer.getSubjectX500Principal().getName()), this.caKeys.getPrivate(),
				false, names);
	}

	private static X509Certificate sign(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey,
			boolean ca, GeneralNames names) throws Exception {
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
				keys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		if (names != null) {
			builder.addExtension(Extension.subjectAlternativeName, false, names);
		}
		String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
	}

	private static KeyPair rsa() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048, RANDOM);
		return generator.generateKeyPair();
	}

	private static KeyPair ec() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		return generator.generateKeyPair();
	}

	/** How a private key is written. */
	public enum KeyFormat {

		/** {@code BEGIN PRIVATE KEY}. */
		PKCS8,

		/** {@code BEGIN RSA PRIVATE KEY}. */
		PKCS1_RSA,

		/** {@code BEGIN EC PRIVATE KEY}. */
		SEC1_EC

	}

	/**
	 * A certificate and its key, as files and as objects.
	 *
	 * @param certificateFile the certificate, PEM
	 * @param keyFile the key, PEM
	 * @param certificate the certificate
	 * @param key the key
	 */
	public record Issued(Path certificateFile, Path keyFile, X509Certificate certificate, PrivateKey key) {

		/**
		 * A key manager factory holding this certificate and key.
		 * @return the factory
		 * @throws Exception when the JDK refuses the material
		 */
		public KeyManagerFactory keyManagers() throws Exception {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("key", this.key, new char[0], new java.security.cert.Certificate[] { this.certificate });
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, new char[0]);
			return factory;
		}
	}
}
