package io.github.natsspring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerTls;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;

/**
 * Builds the embedded broker's {@link BrokerCluster} from {@code nats.embedded.cluster.*}. The broker is a cluster
 * node when {@code nats.embedded.cluster.enabled} says so or, unset, when a cluster port or routes are set. The
 * cluster port listens on {@code nats.embedded.host} unless {@code nats.embedded.cluster.host} is set: loopback by
 * default, not nats-server's 0.0.0.0. With {@code nats.embedded.cluster.ssl.bundle} the routes use TLS, the bundle's
 * key both ways. A value the broker would reject fails here, on its property.
 */
class NatsBrokerClusterFactory {

	private static final Set<String> ROUTE_SCHEMES = Set.of("nats", "nats-route");

	private final NatsProperties.Embedded embedded;

	private final NatsProperties.EmbeddedCluster cluster;

	private final @Nullable SslBundle bundle;

	/**
	 * Creates the factory.
	 * @param embedded the properties
	 * @param bundle the bundle {@code nats.embedded.cluster.ssl.bundle} names, or {@code null} for plaintext routes
	 */
	NatsBrokerClusterFactory(NatsProperties.Embedded embedded, @Nullable SslBundle bundle) {
		this.embedded = embedded;
		this.cluster = embedded.getCluster();
		this.bundle = bundle;
	}

	/**
	 * Whether any property makes the broker a cluster node, or keeps it from being one.
	 * @param cluster the properties
	 * @return whether {@code enabled}, the port or the routes are set
	 */
	static boolean isConfigured(NatsProperties.EmbeddedCluster cluster) {
		return cluster.getEnabled() != null || cluster.getPort() != null || !cluster.getRoutes().isEmpty();
	}

	/**
	 * Whether the properties make the broker a cluster node.
	 * @param cluster the properties
	 * @return {@code enabled} when set, else whether the port or the routes are set
	 */
	static boolean isActive(NatsProperties.EmbeddedCluster cluster) {
		Boolean enabled = cluster.getEnabled();
		return (enabled != null) ? enabled : (cluster.getPort() != null || !cluster.getRoutes().isEmpty());
	}

	/**
	 * The cluster settings.
	 * @return the settings, or {@code null} when the broker is no cluster node
	 */
	@Nullable BrokerCluster create() {
		if (!isActive(this.cluster)) {
			return null;
		}
		BrokerCluster.Builder builder = BrokerCluster.builder()
			.host(host())
			.port(port())
			.routes(routes())
			.noAdvertise(this.cluster.isNoAdvertise())
			.connectRetries(connectRetries())
			.authTimeout(authTimeout());
		PropertyMapper map = PropertyMapper.get();
		map.from(name()).to(builder::name);
		map.from(advertise()).to(builder::advertise);
		authorize(builder);
		if (this.bundle != null) {
			builder.tls(BrokerTls.builder()
				.keyManagerFactory(this.bundle.getManagers().getKeyManagerFactory())
				.trustManagerFactory(this.bundle.getManagers().getTrustManagerFactory())
				.verifyClients(this.cluster.getSsl().isVerifyPeers())
				.build());
		}
		return builder.build();
	}

	private String host() {
		String host = this.cluster.getHost();
		if (host == null) {
			return this.embedded.getHost();
		}
		if (host.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.cluster.host", host,
					"The host must not be blank; leave it unset to listen on nats.embedded.host.");
		}
		return host;
	}

	private int port() {
		Integer port = this.cluster.getPort();
		if (port == null) {
			return BrokerCluster.DEFAULT_PORT;
		}
		if (port < 0 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.cluster.port", port,
					"The port must be between 0 and 65535; 0 picks a free one, published as local.nats.cluster-port.");
		}
		return port;
	}

	private List<URI> routes() {
		List<URI> routes = new ArrayList<>();
		List<URI> configured = this.cluster.getRoutes();
		for (int i = 0; i < configured.size(); i++) {
			routes.add(withCredentials(route("nats.embedded.cluster.routes[" + i + "]", configured.get(i))));
		}
		return routes;
	}

	private static URI route(String property, URI route) {
		if (route.getScheme() == null || !ROUTE_SCHEMES.contains(route.getScheme()) || route.getHost() == null
				|| route.getPort() == -1) {
			throw new InvalidConfigurationPropertyValueException(property, route,
					"A route is the cluster port of another node, with a host and a port, e.g. nats://127.0.0.1:6222"
							+ " (or nats-route://).");
		}
		return route;
	}

	// every node of a cluster usually shares the credentials: a route without its own presents this node's
	private URI withCredentials(URI route) {
		String username = this.cluster.getUsername();
		if (username == null || route.getUserInfo() != null) {
			return route;
		}
		try {
			return new URI(route.getScheme(), username + ":" + this.cluster.getPassword(), route.getHost(),
					route.getPort(), route.getPath(), route.getQuery(), route.getFragment());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("A valid route with user info added cannot be invalid: " + route, ex);
		}
	}

	private void authorize(BrokerCluster.Builder builder) {
		String username = this.cluster.getUsername();
		String password = this.cluster.getPassword();
		if (username == null && password == null) {
			return;
		}
		if (username == null || password == null) {
			// a secret is never the property named: the analysis prints its value
			throw new InvalidConfigurationPropertyValueException("nats.embedded.cluster.username", username,
					"Route authorization needs both nats.embedded.cluster.username and"
							+ " nats.embedded.cluster.password.");
		}
		builder.authorization(username, password);
	}

	private @Nullable String name() {
		String name = this.cluster.getName();
		if (name != null && name.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.cluster.name", name,
					"The cluster name must not be blank; leave it unset for a generated one.");
		}
		return name;
	}

	private @Nullable String advertise() {
		String advertise = this.cluster.getAdvertise();
		if (advertise != null && advertise.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.cluster.advertise", advertise,
					"The advertised address must not be blank; leave it unset to advertise the cluster port's"
							+ " address.");
		}
		return advertise;
	}

	private int connectRetries() {
		int retries = this.cluster.getConnectRetries();
		if (retries < 0) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.cluster.connect-retries", retries,
					"The number of retries must not be negative; 0 dials a route found through another node once.");
		}
		return retries;
	}

	private Duration authTimeout() {
		Duration timeout = this.cluster.getAuthTimeout();
		if (timeout.isNegative() || timeout.isZero()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.cluster.auth-timeout", timeout,
					"The time a route has to authenticate must be positive.");
		}
		return timeout;
	}
}
