package io.github.natsspring.broker.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * The values of the command-line flags, as given (empty strings for flags not given), before nats-server's
 * defaulting rules turn them into {@link NatsBrokerOptions}.
 *
 * @param host {@code -a}: the address to listen on; empty for all interfaces
 * @param port {@code -p}: 0 for the default port 4222, -1 for a random free port
 * @param serverName {@code -n}: the server name; empty for the generated server id
 * @param pidFile {@code -P}: the file to write the process id to; empty for none
 * @param user {@code --user}: the user clients must authenticate as; empty for none
 * @param password {@code --pass}: that user's password, plain or bcrypt
 * @param token {@code --auth}: the token clients must present; empty for none
 * @param logFile {@code -l}: the file to append the log to; empty for standard error
 * @param logTime {@code -T}: whether log lines carry a timestamp
 * @param debug {@code -D}: whether debug lines are logged
 * @param trace {@code -V}: whether protocol trace lines are logged
 * @param ioThreads {@code --io_threads}: event loops for client connections (this broker's own flag); 0 for
 * the default
 * @param tls the TLS flags
 */
public record BrokerFlags(String host, long port, String serverName, String pidFile, String user, String password,
		String token, String logFile, boolean logTime, boolean debug, boolean trace, long ioThreads, TlsFlags tls) {

	/** nats-server's value for {@code -p} asking for a random free port. */
	public static final long RANDOM_PORT = -1;

	private static final String ALL_INTERFACES = "0.0.0.0";

	private static final Pattern BCRYPT = Pattern.compile("^\\$2[abxy]\\$\\d{2}\\$.*", Pattern.DOTALL);

	/** The values nats-server starts with when no flag is given. */
	public static BrokerFlags defaults() {
		return new BrokerFlags("", 0, "", "", "", "", "", "", true, false, false, 0,
				new TlsFlags(false, "", "", "", false));
	}

	/** The address to listen on, after defaulting. */
	public String listenHost() {
		return host.isEmpty() ? ALL_INTERFACES : host;
	}

	/** The port to listen on after nats-server's mapping: 0 means 4222 and -1 means any free port (0). */
	public long listenPort() {
		if (port == 0) {
			return NatsBrokerOptions.DEFAULT_PORT;
		}
		return (port == RANDOM_PORT) ? 0 : port;
	}

	/** Whether {@link #listenPort()} can be bound at all; nats-server only finds out when it tries to listen. */
	public boolean hasBindablePort() {
		return listenPort() >= 0 && listenPort() <= 65535;
	}

	/** The file to write the process id to, if any. */
	public Optional<Path> pidPath() {
		return pidFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(pidFile));
	}

	/** The file to log to, if any. */
	public Optional<Path> logPath() {
		return logFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(logFile));
	}

	/**
	 * Whether nats-server would warn about a plain-text password: it checks {@code --pass} even when no
	 * {@code --user} makes it take effect.
	 */
	public boolean hasPlaintextPassword() {
		return !password.isEmpty() && !BCRYPT.matcher(password).matches();
	}

	/**
	 * The broker options these flags describe. As in nats-server, a token wins over a user, and
	 * {@code --pass} without {@code --user} is ignored.
	 * @throws IllegalArgumentException if the port cannot be bound or the options are invalid
	 */
	public NatsBrokerOptions toOptions() {
		if (!hasBindablePort()) {
			throw new IllegalArgumentException("invalid port " + listenPort());
		}
		return NatsBrokerOptions.builder()
			.host(listenHost())
			.port((int) listenPort())
			.serverName(serverName.isEmpty() ? null : serverName)
			.auth(auth())
			.logging(new BrokerLogging(debug, trace))
			.ioThreads((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ioThreads)))
			.tls(tls.toTls())
			.build();
	}

	private BrokerAuth auth() {
		if (!token.isEmpty()) {
			return BrokerAuth.token(token);
		}
		if (!user.isEmpty()) {
			return BrokerAuth.users(new BrokerUser(user, password));
		}
		return BrokerAuth.none();
	}

	/**
	 * The TLS flags, as given.
	 *
	 * @param enabled whether TLS is on: {@code --tls}, or any other TLS flag without {@code -tls=false}
	 * @param certificate {@code --tlscert}: the server certificate file; empty for none
	 * @param key {@code --tlskey}: its private key file; empty for none
	 * @param caCertificate {@code --tlscacert}: the CA for client certificates; empty for none
	 * @param verify {@code --tlsverify}: whether client certificates are required
	 */
	public record TlsFlags(boolean enabled, String certificate, String key, String caCertificate, boolean verify) {

		/**
		 * The TLS settings these flags describe, checked as nats-server checks them.
		 * @return the settings, or {@code null} when TLS is off
		 * @throws IllegalArgumentException with nats-server's words when the certificate or key is missing
		 */
		BrokerTls toTls() {
			if (!this.enabled) {
				return null;
			}
			if (this.certificate.isEmpty()) {
				throw new IllegalArgumentException("TLS Server certificate must be present and valid");
			}
			if (this.key.isEmpty()) {
				throw new IllegalArgumentException("TLS Server private key must be present and valid");
			}
			return BrokerTls.builder()
				.certificateFile(Path.of(this.certificate))
				.privateKeyFile(Path.of(this.key))
				.caFile(this.caCertificate.isEmpty() ? null : Path.of(this.caCertificate))
				.verifyClients(this.verify)
				.build();
		}
	}
}
