package io.github.natsspring.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost} with its private key, made by {@code openssl}
 * at run time (EC P-256, valid for a day) so that no key is ever committed. Clients trust the certificate itself.
 *
 * @param certificate the PEM certificate
 * @param privateKey the PEM private key (PKCS#8), readable by its owner only
 */
record SelfSignedCertificate(Path certificate, Path privateKey) {

	private static final long OPENSSL_TIMEOUT_SECONDS = 60;

	/**
	 * Makes the certificate and its key.
	 * @param directory where the files go
	 * @param name the files' prefix: {@code <name>-cert.pem} and {@code <name>-key.pem}
	 * @return the files
	 * @throws IOException when openssl is missing or fails
	 * @throws InterruptedException when interrupted while waiting for openssl
	 */
	static SelfSignedCertificate generate(Path directory, String name) throws IOException, InterruptedException {
		Files.createDirectories(directory);
		Path certificate = directory.resolve(name + "-cert.pem").toAbsolutePath();
		Path key = directory.resolve(name + "-key.pem").toAbsolutePath();
		List<String> command = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
				"ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=nats-benchmarks", "-addext",
				"subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key.toString(), "-out", certificate.toString());
		Path log = directory.resolve(name + "-openssl.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(OPENSSL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("openssl did not finish within " + OPENSSL_TIMEOUT_SECONDS + " s");
		}
		if (process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " exited with status " + process.exitValue() + ":\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
		return new SelfSignedCertificate(certificate, key);
	}

}
