package io.github.natsspring.broker.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.config.ClusterSettings;
import io.github.natsspring.broker.config.GoUrl;
import io.github.natsspring.broker.config.ServerSettings;
import io.github.natsspring.broker.protocol.GoHostPort;

/**
 * The values of the command-line flags, as given (empty strings for flags not given), and which were given:
 * laid over a configuration file, only the given ones override it, as in nats-server.
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
 * @param httpPort {@code -m}: the HTTP monitoring port; 0 for none, -1 for a random free port
 * @param http {@code --http}: the monitoring address as {@code host:port} (this broker's own flag); empty for
 * none
 * @param tls the TLS flags
 * @param cluster the cluster flags
 * @param clientAdvertise {@code --client_advertise}: the client address advertised instead of the listening one;
 * empty for none
 * @param jetStream {@code -js}, {@code --jetstream}: whether JetStream runs
 * @param storeDir {@code -sd}, {@code --store_dir}: the JetStream store directory (it does not turn JetStream on);
 * empty for the default
 * @param configFile {@code -c}: the configuration file; empty for none
 * @param checkConfig {@code -t}: only check the configuration file
 * @param given the flags given, by the names of these components ({@code tls} for any TLS flag) and of the
 * cluster flags' ({@code cluster} for {@code --cluster})
 */
public record BrokerFlags(String host, long port, String serverName, String pidFile, String user, String password,
		String token, String logFile, boolean logTime, boolean debug, boolean trace, long ioThreads, long httpPort,
		String http, TlsFlags tls, ClusterFlags cluster, String clientAdvertise, boolean jetStream, String storeDir,
		String configFile, boolean checkConfig, Set<String> given) {

	/** Copies the set of given flags. */
	public BrokerFlags {
		given = Set.copyOf(given);
	}

	/** The values nats-server starts with when no flag is given. */
	public static BrokerFlags defaults() {
		return new BrokerFlags("", 0, "", "", "", "", "", "", true, false, false, 0, 0, "",
				new TlsFlags(false, "", "", "", false), new ClusterFlags("", "", "", "", false, 0), "", false, "", "",
				false, Set.of());
	}

	/**
	 * Lays the given flags over settings, as nats-server lays its command line over its configuration file:
	 * a TLS flag replaces the file's TLS, {@code -tls=false} turns TLS off; {@code --cluster} replaces the file's
	 * cluster address and route credentials, {@code --cluster ""} turns clustering off, {@code --routes} replaces
	 * the file's routes.
	 * @param settings the settings to change
	 * @return the same builder
	 * @throws IllegalArgumentException with nats-server's words when TLS flags lack the certificate or key, when
	 * {@code --http} is not {@code host:port}, when {@code --cluster} is not a URL with a host and port, or when
	 * {@code --routes} is given without a cluster
	 */
	public ServerSettings.Builder applyTo(ServerSettings.Builder settings) {
		if (given.contains("host")) {
			settings.host(host);
		}
		if (given.contains("port")) {
			settings.port(port);
		}
		if (given.contains("serverName")) {
			settings.serverName(serverName);
		}
		if (given.contains("pidFile")) {
			settings.pidFile(pidFile);
		}
		if (given.contains("user")) {
			settings.username(user);
		}
		if (given.contains("password")) {
			settings.password(password);
		}
		if (given.contains("token")) {
			settings.token(token);
		}
		if (given.contains("logFile")) {
			settings.logFile(logFile);
		}
		if (given.contains("logTime")) {
			settings.logTime(logTime);
		}
		if (given.contains("debug")) {
			settings.debug(debug);
		}
		if (given.contains("trace")) {
			settings.trace(trace);
		}
		if (given.contains("ioThreads")) {
			settings.ioThreads((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ioThreads)));
		}
		if (given.contains("httpPort")) {
			settings.httpPort(httpPort);
		}
		if (given.contains("http")) {
			HttpAddress address = HttpAddress.parse(http);
			settings.httpHost(address.host()).httpPort(address.port());
		}
		if (given.contains("tls")) {
			settings.tls(tls.toTls()).tlsTimeout(null);
		}
		if (given.contains("clientAdvertise")) {
			settings.clientAdvertise(clientAdvertise);
		}
		if (given.contains("jetStream")) {
			settings.jetStream(jetStream);
		}
		if (given.contains("storeDir")) {
			settings.storeDir(storeDir);
		}
		cluster.applyTo(settings.cluster(), given);
		return settings;
	}

	/**
	 * Sets what nats-server's flags set before it reads the configuration file: the store directory, so that a
	 * file setting {@code store_dir} as well is refused as nats-server refuses it.
	 * @param settings the settings the file will be read into
	 * @return the same builder
	 */
	public ServerSettings.Builder beforeConfigFile(ServerSettings.Builder settings) {
		if (given.contains("storeDir")) {
			settings.storeDir(storeDir);
		}
		return settings;
	}

	/** The settings of these flags alone, without a configuration file. */
	public ServerSettings settings() {
		return applyTo(ServerSettings.builder()).build();
	}

	/**
	 * The broker options these flags alone describe. As in nats-server, a token wins over a user, and
	 * {@code --pass} without {@code --user} is ignored.
	 * @throws IllegalArgumentException if the port cannot be bound or the options are invalid
	 */
	public NatsBrokerOptions toOptions() {
		return settings().toOptions();
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

	/**
	 * The cluster flags, as given.
	 *
	 * @param listen {@code --cluster}, {@code --cluster_listen}: the cluster URL, {@code nats://host:port} with
	 * an optional {@code user:password@}, port -1 for a random one; empty for no cluster
	 * @param name {@code --cluster_name}: the cluster name; empty for a generated one
	 * @param routes {@code --routes}: comma-separated route URLs; empty for none
	 * @param advertise {@code --cluster_advertise}: the address advertised to peers; empty for the listening one
	 * @param noAdvertise {@code --no_advertise}: whether client URLs stay out of route and client INFO
	 * @param connectRetries {@code --connect_retries}: the retries of gossiped routes
	 */
	public record ClusterFlags(String listen, String name, String routes, String advertise, boolean noAdvertise,
			long connectRetries) {

		/** Lays the given cluster flags over the cluster settings, in nats-server's order. */
		void applyTo(ClusterSettings cluster, Set<String> given) {
			if (given.contains("clusterName")) {
				cluster.name(this.name);
			}
			if (given.contains("clusterAdvertise")) {
				cluster.advertise(this.advertise);
			}
			if (given.contains("noAdvertise")) {
				cluster.noAdvertise(this.noAdvertise);
			}
			if (given.contains("connectRetries")) {
				cluster.connectRetries(this.connectRetries);
			}
			if (given.contains("cluster")) {
				overrideListen(cluster);
			}
			if (!this.routes.isEmpty() && this.listen.isEmpty() && cluster.host().isEmpty() && cluster.port() == 0) {
				throw new IllegalArgumentException("solicited routes require cluster capabilities, e.g. --cluster");
			}
			if (given.contains("routes")) {
				cluster.routes(routeUrls());
			}
		}

		// nats-server's overrideCluster: -1 does not parse as a URL port, so it is read as 0 and then restored
		private void overrideListen(ClusterSettings cluster) {
			if (this.listen.isEmpty()) {
				cluster.port(0);
				return;
			}
			boolean random = this.listen.endsWith(":-1");
			String text = random ? this.listen.substring(0, this.listen.length() - 3) + ":0" : this.listen;
			GoUrl url = GoUrl.parse(text);
			GoHostPort address = GoHostPort.split(url.host());
			cluster.host(address.host()).port(random ? ServerSettings.RANDOM_PORT : GoValueSyntax.scanInt(address.port()));
			if (url.username() == null) {
				cluster.authorization("", "");
				return;
			}
			if (url.password() == null) {
				throw new IllegalArgumentException("expected cluster password to be set");
			}
			cluster.authorization(url.username(), url.password());
		}

		// nats-server takes every comma-separated part, trimmed, and later fails on one that is not a URL; here it
		// is refused at once
		private List<URI> routeUrls() {
			if (this.routes.isEmpty()) {
				return List.of();
			}
			List<URI> urls = new ArrayList<>();
			for (String route : this.routes.split(",", -1)) {
				urls.add(GoUrl.parse(route.strip()).toUri());
			}
			return urls;
		}
	}
}
