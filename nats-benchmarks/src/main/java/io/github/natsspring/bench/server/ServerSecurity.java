package io.github.natsspring.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What both servers under test are started with beyond their listen flags: nothing, TLS, a user with
 * permissions, or HTTP monitoring, each from a nats-server configuration file ({@code -c}) generated into the
 * run's log directory.
 */
public enum ServerSecurity {

	/** No configuration file: plaintext, no authentication. */
	PLAINTEXT("plaintext") {
		@Override
		public ServerConfiguration configure(Path directory) {
			return ServerConfiguration.NONE;
		}
	},

	/** TLS with a self-signed certificate made at run time, which clients trust; no authentication. */
	TLS("TLS") {
		@Override
		public ServerConfiguration configure(Path directory) throws IOException, InterruptedException {
			SelfSignedCertificate certificate = SelfSignedCertificate.generate(directory, "tls");
			Path file = write(directory, "tls.conf", tlsConfig(certificate.certificate(), certificate.privateKey()));
			return new ServerConfiguration(file, ClientAccess.tlsTrusting(certificate.certificate()));
		}
	},

	/**
	 * One user, {@value #USER}, whose publish permissions allow two wildcard subjects and deny one below the first,
	 * and whose subscribe permissions allow the same two: every published message is checked against the lists
	 * (through each server's per-connection cache of results). Plaintext.
	 */
	PERMISSIONS("permissions") {
		@Override
		public ServerConfiguration configure(Path directory) throws IOException {
			Path file = write(directory, "permissions.conf", permissionsConfig());
			return new ServerConfiguration(file, ClientAccess.asUser(USER, PASSWORD));
		}
	},

	/**
	 * HTTP monitoring on a random loopback port ({@code http_port: -1}, bound to the listen address), which
	 * {@link ServerProcess#monitoringPort()} reads from the log; plaintext, no authentication.
	 */
	MONITORED("monitoring") {
		@Override
		public ServerConfiguration configure(Path directory) throws IOException {
			return new ServerConfiguration(write(directory, "monitoring.conf", "http_port: -1\n"),
					ClientAccess.ANONYMOUS_PLAINTEXT);
		}
	};

	/** The user of the permissions configuration; the load's subjects start with {@code bench.}. */
	public static final String USER = "bench";

	private static final String PASSWORD = "bench";

	private final String label;

	ServerSecurity(String label) {
		this.label = label;
	}

	/**
	 * Returns the name of this security in the report's rows.
	 * @return e.g. {@code TLS}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Writes what servers with this security are started with: the configuration file and the files it names.
	 * @param directory the run's log directory, where the files go
	 * @return the configuration file and how clients connect
	 * @throws IOException when a file cannot be written or the certificate cannot be made
	 * @throws InterruptedException when interrupted while making the certificate
	 */
	public abstract ServerConfiguration configure(Path directory) throws IOException, InterruptedException;

	static String tlsConfig(Path certificate, Path privateKey) {
		return """
				tls {
				  cert_file: %s
				  key_file: %s
				}
				""".formatted(quoted(certificate), quoted(privateKey));
	}

	static String permissionsConfig() {
		return """
				authorization {
				  users = [
				    {
				      user: %s
				      password: %s
				      permissions: {
				        publish: { allow: ["bench.>", "_INBOX.>"], deny: ["bench.secret.>"] }
				        subscribe: { allow: ["bench.>", "_INBOX.>"] }
				      }
				    }
				  ]
				}
				""".formatted(USER, PASSWORD);
	}

	private static String quoted(Path file) {
		return '"' + file.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	private static Path write(Path directory, String name, String text) throws IOException {
		Files.createDirectories(directory);
		return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8).toAbsolutePath();
	}

}
