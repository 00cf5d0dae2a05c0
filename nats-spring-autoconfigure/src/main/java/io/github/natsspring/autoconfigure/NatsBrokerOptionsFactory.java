package io.github.natsspring.autoconfigure;

import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.config.ServerSettings;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Builds the embedded broker's {@link NatsBrokerOptions} from {@code nats.embedded.*}; customizers are applied by
 * the caller. With {@code nats.embedded.config-file}, the file is the base and the properties that are set override
 * it, as nats-server's flags override its file: host, port, server name, max payload, io threads, the SSL bundle,
 * the client advertise address, the authorization properties (token, user name and password, users, default
 * permissions), which replace the file's authorization as a whole, and the cluster properties
 * ({@code nats.embedded.cluster.enabled}, port or routes set), which replace its cluster block as a whole.
 * Properties left at their defaults do not override the file, except that the broker listens on
 * {@code nats.embedded.host} (127.0.0.1) when the file names no host. A value the broker would reject fails here,
 * on its property, so that Spring Boot's failure analysis names it and where it was set.
 */
class NatsBrokerOptionsFactory {

	private final NatsProperties.Embedded embedded;

	private final Predicate<String> isSet;

	/**
	 * Creates the factory.
	 * @param embedded the properties
	 * @param isSet whether a property is set, rather than left at its default
	 */
	NatsBrokerOptionsFactory(NatsProperties.Embedded embedded, Predicate<String> isSet) {
		this.embedded = embedded;
		this.isSet = isSet;
	}

	NatsBrokerOptions.Builder createBuilder(@Nullable SslBundle bundle, @Nullable SslBundle clusterBundle) {
		Resource configFile = this.embedded.getConfigFile();
		NatsBrokerOptions.Builder options = (configFile != null) ? fromConfigFile(configFile) : fromProperties();
		applyTransport(options);
		applyMonitoring(options, configFile != null);
		applyJetStream(options, configFile != null);
		applyCluster(options, configFile != null, clusterBundle);
		if (bundle != null) {
			options.tls(BrokerTls.builder()
				.keyManagerFactory(bundle.getManagers().getKeyManagerFactory())
				.trustManagerFactory(bundle.getManagers().getTrustManagerFactory())
				.verifyClients(this.embedded.getSsl().isVerifyClients())
				.build());
		}
		return options;
	}

	// a name of its own per broker, so that several application contexts in one JVM do not collide
	private void applyTransport(NatsBrokerOptions.Builder options) {
		boolean inJvm = this.embedded.getTransport() == NatsTransport.IN_JVM;
		if (!this.embedded.isTcpEnabled() && !inJvm) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.tcp-enabled", false,
					"With nats.embedded.transport=tcp the auto-configured connection needs the TCP listener. Set"
							+ " nats.embedded.transport=in-jvm to turn it off.");
		}
		if (inJvm) {
			options.inJvmName("embedded-" + UUID.randomUUID()).tcpListener(this.embedded.isTcpEnabled());
		}
	}

	// over a configuration file only when set: the file's http_port stays otherwise
	private void applyMonitoring(NatsBrokerOptions.Builder options, boolean fromConfigFile) {
		NatsProperties.EmbeddedMonitoring monitoring = this.embedded.getMonitoring();
		if (fromConfigFile && !this.isSet.test("nats.embedded.monitoring.enabled")) {
			return;
		}
		if (!monitoring.isEnabled()) {
			options.monitoring(null);
			return;
		}
		int port = monitoring.getPort();
		if (port < 0 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.monitoring.port", port,
					"The port must be between 0 and 65535; 0 picks a free one, published as"
							+ " local.nats.monitoring-port.");
		}
		String host = (monitoring.getHost() != null) ? monitoring.getHost() : this.embedded.getHost();
		options.monitoring(
				BrokerMonitoring.builder().host(host).port(port).basePath(monitoring.getBasePath()).build());
	}

	// over a configuration file only when set: the file's jetstream block stays otherwise
	private void applyJetStream(NatsBrokerOptions.Builder options, boolean fromConfigFile) {
		NatsProperties.EmbeddedJetStream jetStream = this.embedded.getJetStream();
		if (fromConfigFile && !this.isSet.test("nats.embedded.jetstream.enabled")) {
			return;
		}
		if (!jetStream.isEnabled()) {
			options.jetStream(null);
			return;
		}
		BrokerJetStream.Builder builder = BrokerJetStream.builder();
		if (jetStream.getStoreDir() != null) {
			builder.storeDirectory(jetStream.getStoreDir());
		}
		if (jetStream.getMaxMemoryStore() != null) {
			builder.maxMemoryStore(storeLimit("nats.embedded.jetstream.max-memory-store", jetStream.getMaxMemoryStore()));
		}
		if (jetStream.getMaxFileStore() != null) {
			builder.maxFileStore(storeLimit("nats.embedded.jetstream.max-file-store", jetStream.getMaxFileStore()));
		}
		options.jetStream(builder.build());
	}

	private static long storeLimit(String property, DataSize limit) {
		if (limit.toBytes() < 0) {
			throw new InvalidConfigurationPropertyValueException(property, limit,
					"The limit must not be negative; leave it unset for no limit.");
		}
		return limit.toBytes();
	}

	// over a configuration file only when set: its cluster block (as a whole) and client_advertise stand otherwise
	private void applyCluster(NatsBrokerOptions.Builder options, boolean fromConfigFile,
			@Nullable SslBundle clusterBundle) {
		if (!fromConfigFile || NatsBrokerClusterFactory.isConfigured(this.embedded.getCluster())) {
			options.cluster(new NatsBrokerClusterFactory(this.embedded, clusterBundle).create());
		}
		String clientAdvertise = this.embedded.getClientAdvertise();
		if (clientAdvertise != null && clientAdvertise.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.client-advertise", clientAdvertise,
					"The advertised address must not be blank; leave it unset to advertise the client port's address.");
		}
		if (clientAdvertise != null) {
			options.clientAdvertise(clientAdvertise);
		}
	}

	private NatsBrokerOptions.Builder fromProperties() {
		int maxPayload = maxPayload();
		NatsBrokerOptions.Builder options = NatsBrokerOptions.builder()
			.host(this.embedded.getHost())
			.port(port())
			.serverName(serverName())
			.limits((limits) -> limits.maxPayload(maxPayload))
			.auth(new NatsBrokerAuthFactory(this.embedded).create());
		Integer ioThreads = ioThreads();
		if (ioThreads != null) {
			options.ioThreads(ioThreads);
		}
		return options;
	}

	private NatsBrokerOptions.Builder fromConfigFile(Resource configFile) {
		// under the file: a Spring application's embedded broker listens on loopback, not on nats-server's 0.0.0.0
		ServerSettings.Builder defaults = ServerSettings.builder().host(this.embedded.getHost());
		NatsBrokerOptions.Builder options = new NatsEmbeddedConfigFile(configFile)
			.toOptions(defaults, this::overrideConfigFile)
			.toBuilder();
		if (hasAuthorizationProperties(this.embedded)) {
			options.auth(new NatsBrokerAuthFactory(this.embedded).create());
		}
		return options;
	}

	private void overrideConfigFile(ServerSettings.Builder settings) {
		if (this.isSet.test("nats.embedded.host")) {
			settings.host(this.embedded.getHost());
		}
		if (this.isSet.test("nats.embedded.port")) {
			int port = port();
			settings.port((port != 0) ? port : ServerSettings.RANDOM_PORT);
		}
		String serverName = serverName();
		if (serverName != null) {
			settings.serverName(serverName);
		}
		if (this.isSet.test("nats.embedded.max-payload")) {
			settings.maxPayload(maxPayload());
		}
		Integer ioThreads = ioThreads();
		if (ioThreads != null) {
			settings.ioThreads(ioThreads);
		}
	}

	/**
	 * Whether the broker's authorization comes from the properties rather than from the configuration file.
	 * @param embedded the properties
	 * @return whether a token, a user name or password, users or default permissions are set
	 */
	static boolean hasAuthorizationProperties(NatsProperties.Embedded embedded) {
		return embedded.getToken() != null || embedded.getUsername() != null || embedded.getPassword() != null
				|| !embedded.getUsers().isEmpty() || embedded.getDefaultPermissions() != null;
	}

	private @Nullable Integer ioThreads() {
		Integer ioThreads = this.embedded.getIoThreads();
		if (ioThreads != null && ioThreads < 0) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.io-threads", ioThreads,
					"The number of event loops must not be negative; leave it unset (or 0) for half the processors.");
		}
		return ioThreads;
	}

	private int port() {
		int port = this.embedded.getPort();
		if (port < 0 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.port", port,
					"The port must be between 0 and 65535; 0 picks a free one, published as local.nats.port.");
		}
		return port;
	}

	private @Nullable String serverName() {
		String serverName = this.embedded.getServerName();
		if (serverName != null && serverName.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.server-name", serverName,
					"The server name must not be blank; leave it unset to report the server id.");
		}
		return serverName;
	}

	private int maxPayload() {
		DataSize maxPayload = this.embedded.getMaxPayload();
		if (maxPayload.toBytes() <= 0 || maxPayload.toBytes() > BrokerLimits.DEFAULT_MAX_PENDING) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.max-payload", maxPayload,
					"The largest payload must be positive and at most 64MB, the bytes the broker holds pending for"
							+ " a client; a NatsBrokerOptionsCustomizer can raise both limits.");
		}
		return (int) maxPayload.toBytes();
	}
}
