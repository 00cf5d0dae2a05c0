package io.github.natsspring.test;

import java.nio.file.Path;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link EmbeddedNats} annotation asks of its broker, checked and comparable, so that Spring test
 * contexts asking for the same broker can share a cached context.
 *
 * @param token the token clients present, or {@code null}
 * @param username the user clients authenticate as, or {@code null}
 * @param password the user's password, or {@code null}
 * @param serverName the name in INFO, or {@code null} for the server id; each node of a cluster adds its index
 * @param maxPayload the largest payload accepted, in bytes
 * @param clusterSize how many brokers, routed to each other; 1 for a single broker without cluster port
 * @param jetStream whether the broker runs JetStream (a single broker only)
 */
public record EmbeddedNatsSettings(@Nullable String token, @Nullable String username, @Nullable String password,
		@Nullable String serverName, int maxPayload, int clusterSize, boolean jetStream) {

	/** The settings of an {@link EmbeddedNats} annotation with no attribute set. */
	public static final EmbeddedNatsSettings DEFAULTS = new EmbeddedNatsSettings(null, null, null, null,
			BrokerLimits.DEFAULT_MAX_PAYLOAD);

	/**
	 * Checks the combination.
	 * @throws IllegalArgumentException naming the attribute that is wrong
	 */
	public EmbeddedNatsSettings {
		if (token != null && username != null) {
			throw new IllegalArgumentException(
					"@EmbeddedNats takes a token or a username and password, not both (token and username are set)");
		}
		if (username != null && password == null) {
			throw new IllegalArgumentException("@EmbeddedNats(username = \"" + username + "\") needs a password");
		}
		if (password != null && username == null) {
			throw new IllegalArgumentException("@EmbeddedNats(password = ...) needs a username");
		}
		if (maxPayload <= 0) {
			throw new IllegalArgumentException("@EmbeddedNats(maxPayload = " + maxPayload + ") must be positive");
		}
		if (clusterSize < 1) {
			throw new IllegalArgumentException("@EmbeddedNats(clusterSize = " + clusterSize + ") must be at least 1");
		}
		if (jetStream && clusterSize > 1) {
			throw new IllegalArgumentException("@EmbeddedNats(jetStream = true) runs on a single broker, not with"
					+ " clusterSize = " + clusterSize);
		}
	}

	/**
	 * Settings of brokers without JetStream.
	 * @param token the token clients present, or {@code null}
	 * @param username the user clients authenticate as, or {@code null}
	 * @param password the user's password, or {@code null}
	 * @param serverName the name in INFO, or {@code null} for the server id; each node of a cluster adds its index
	 * @param maxPayload the largest payload accepted, in bytes
	 * @param clusterSize how many brokers, routed to each other; 1 for a single broker without cluster port
	 * @throws IllegalArgumentException naming the attribute that is wrong
	 */
	public EmbeddedNatsSettings(@Nullable String token, @Nullable String username, @Nullable String password,
			@Nullable String serverName, int maxPayload, int clusterSize) {
		this(token, username, password, serverName, maxPayload, clusterSize, false);
	}

	/**
	 * Settings of a single broker.
	 * @param token the token clients present, or {@code null}
	 * @param username the user clients authenticate as, or {@code null}
	 * @param password the user's password, or {@code null}
	 * @param serverName the name in INFO, or {@code null} for the server id
	 * @param maxPayload the largest payload accepted, in bytes
	 * @throws IllegalArgumentException naming the attribute that is wrong
	 */
	public EmbeddedNatsSettings(@Nullable String token, @Nullable String username, @Nullable String password,
			@Nullable String serverName, int maxPayload) {
		this(token, username, password, serverName, maxPayload, 1, false);
	}

	/**
	 * Whether these settings ask for a cluster.
	 * @return whether {@link #clusterSize()} is more than 1
	 */
	public boolean isCluster() {
		return this.clusterSize > 1;
	}

	/**
	 * The settings an annotation asks for.
	 * @param annotation the annotation, or {@code null} for the defaults
	 * @return the settings
	 * @throws IllegalArgumentException if the attributes do not go together
	 */
	public static EmbeddedNatsSettings of(@Nullable EmbeddedNats annotation) {
		if (annotation == null) {
			return DEFAULTS;
		}
		return new EmbeddedNatsSettings(emptyToNull(annotation.token()), emptyToNull(annotation.username()),
				emptyToNull(annotation.password()), emptyToNull(annotation.serverName()), annotation.maxPayload(),
				annotation.clusterSize(), annotation.jetStream());
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * Broker options for these settings: loopback, the given port, no cluster.
	 * @param port the port, 0 for a free one
	 * @param storeDirectory the JetStream store directory, or {@code null} without JetStream
	 * @return the options
	 */
	NatsBrokerOptions toBrokerOptions(int port, @Nullable Path storeDirectory) {
		NatsBrokerOptions.Builder options = brokerOptions(port);
		if (storeDirectory != null) {
			options.jetStream(BrokerJetStream.inDirectory(storeDirectory));
		}
		return options.build();
	}

	/**
	 * Broker options of a cluster node: loopback, the given ports, routes to the given peers.
	 * @param port the client port, 0 for a free one
	 * @param node the node's cluster settings
	 * @return the options
	 */
	NatsBrokerOptions toBrokerOptions(int port, EmbeddedNatsNode node) {
		String nodeName = (this.serverName != null) ? this.serverName + "-" + node.index() : null;
		return brokerOptions(port).serverName(nodeName)
			.cluster(BrokerCluster.builder()
				.name(node.clusterName())
				.host("127.0.0.1")
				.port(node.clusterPort())
				.routes(node.routes())
				.build())
			.build();
	}

	private NatsBrokerOptions.Builder brokerOptions(int port) {
		BrokerAuth auth = BrokerAuth.none();
		if (this.token != null) {
			auth = BrokerAuth.token(this.token);
		}
		else if (this.username != null) {
			auth = BrokerAuth.users(new BrokerUser(this.username, this.password));
		}
		return NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(port)
			.serverName(this.serverName)
			.auth(auth)
			.limits(BrokerLimits.builder().maxPayload(this.maxPayload).build());
	}
}
