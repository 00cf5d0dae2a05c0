package io.github.natsspring.broker.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerTls;

/**
 * nats-server's cluster options as the {@code cluster} block and the cluster flags give them, before its
 * defaulting turns them into {@link BrokerCluster}: port 0 means no cluster, -1 a random port, empty values
 * the default. Mutable, the part of a {@link ServerSettings.Builder} that a later source changes key by key.
 */
public final class ClusterSettings {

	private static final Duration DEFAULT_TLS_TIMEOUT = BrokerTls.DEFAULT_HANDSHAKE_TIMEOUT;

	private String name = "";

	private String host = "";

	private long port;

	private List<URI> routes = List.of();

	private String advertise = "";

	private boolean noAdvertise;

	private long connectRetries;

	private String username = "";

	private String password = "";

	private Duration authTimeout;

	private BrokerTls tls;

	private Duration tlsTimeout;

	ClusterSettings() {
	}

	ClusterSettings copy() {
		ClusterSettings copy = new ClusterSettings();
		copy.name = this.name;
		copy.host = this.host;
		copy.port = this.port;
		copy.routes = this.routes;
		copy.advertise = this.advertise;
		copy.noAdvertise = this.noAdvertise;
		copy.connectRetries = this.connectRetries;
		copy.username = this.username;
		copy.password = this.password;
		copy.authTimeout = this.authTimeout;
		copy.tls = this.tls;
		copy.tlsTimeout = this.tlsTimeout;
		return copy;
	}

	/**
	 * The cluster after nats-server's defaulting: all interfaces, a generated name, TLS verifying the peers'
	 * certificates, an authentication timeout of 2 s (with TLS: the handshake timeout plus a second).
	 * @return the cluster, or {@code null} when the port is 0
	 * @throws IllegalArgumentException if the port cannot be bound or a value is out of range
	 */
	BrokerCluster toCluster() {
		if (this.port == 0) {
			return null;
		}
		long listenPort = (this.port == ServerSettings.RANDOM_PORT) ? 0 : this.port;
		if (listenPort < 0 || listenPort > 65535) {
			throw new IllegalArgumentException("invalid cluster port " + this.port);
		}
		Duration handshakeTimeout = (this.tlsTimeout != null && this.tlsTimeout.toNanos() > 0) ? this.tlsTimeout
				: DEFAULT_TLS_TIMEOUT;
		// nats-server always requires and verifies the certificates of routes
		BrokerTls routeTls = (this.tls != null)
				? this.tls.toBuilder().handshakeTimeout(handshakeTimeout).verifyClients(true).build() : null;
		Duration timeout = this.authTimeout;
		if (timeout == null || timeout.toNanos() <= 0) {
			timeout = (routeTls != null) ? handshakeTimeout.plusSeconds(1) : BrokerCluster.DEFAULT_AUTH_TIMEOUT;
		}
		// nats-server asks routes for credentials only when a user is set; a password alone is ignored
		boolean authorization = !this.username.isEmpty();
		return BrokerCluster.builder()
			.name(this.name.isEmpty() ? null : this.name)
			.host(this.host.isEmpty() ? "0.0.0.0" : this.host)
			.port((int) listenPort)
			.routes(this.routes)
			.advertise(this.advertise.isEmpty() ? null : this.advertise)
			.noAdvertise(this.noAdvertise)
			// a negative number of retries is none, as in nats-server
			.connectRetries((int) Math.max(0, Math.min(Integer.MAX_VALUE, this.connectRetries)))
			.authorization(authorization ? this.username : null, authorization ? this.password : null)
			.authTimeout(timeout)
			.tls(routeTls)
			.build();
	}

	/**
	 * The listen host.
	 * @return the host, empty for all interfaces
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The listen port.
	 * @return the port: 0 for no cluster, -1 for a random one
	 */
	public long port() {
		return this.port;
	}

	/**
	 * Sets the cluster name ({@code name}, {@code --cluster_name}).
	 * @param name the name, empty for a generated one
	 * @return these settings
	 */
	public ClusterSettings name(String name) {
		this.name = name;
		return this;
	}

	/**
	 * Sets the listen host ({@code host}, {@code net}, the host of {@code listen} or {@code --cluster}).
	 * @param host the host, empty for all interfaces
	 * @return these settings
	 */
	public ClusterSettings host(String host) {
		this.host = host;
		return this;
	}

	/**
	 * Sets the listen port ({@code port}, the port of {@code listen} or {@code --cluster}).
	 * @param port the port: 0 for no cluster, -1 for a random one
	 * @return these settings
	 */
	public ClusterSettings port(long port) {
		this.port = port;
		return this;
	}

	/**
	 * Sets the routes to dial ({@code routes}, {@code --routes}).
	 * @param routes the route URLs
	 * @return these settings
	 */
	public ClusterSettings routes(List<URI> routes) {
		this.routes = List.copyOf(routes);
		return this;
	}

	/**
	 * Sets the address advertised to peers ({@code advertise}, {@code cluster_advertise},
	 * {@code --cluster_advertise}).
	 * @param advertise {@code host:port}, empty for the listening address
	 * @return these settings
	 */
	public ClusterSettings advertise(String advertise) {
		this.advertise = advertise;
		return this;
	}

	/**
	 * Sets {@code no_advertise} ({@code --no_advertise}).
	 * @param noAdvertise whether client URLs stay out of route and client INFO
	 * @return these settings
	 */
	public ClusterSettings noAdvertise(boolean noAdvertise) {
		this.noAdvertise = noAdvertise;
		return this;
	}

	/**
	 * Sets {@code connect_retries} ({@code --connect_retries}).
	 * @param connectRetries the retries of gossiped routes, 0 or less for none
	 * @return these settings
	 */
	public ClusterSettings connectRetries(long connectRetries) {
		this.connectRetries = connectRetries;
		return this;
	}

	/**
	 * Sets the credentials routes must present ({@code authorization}, the user information of
	 * {@code --cluster}).
	 * @param username the user, empty for none
	 * @param password the password, plain or bcrypt
	 * @return these settings
	 */
	public ClusterSettings authorization(String username, String password) {
		this.username = username;
		this.password = password;
		return this;
	}

	/**
	 * Sets {@code authorization.timeout}.
	 * @param authTimeout the timeout, {@code null} or zero for the default
	 * @return these settings
	 */
	public ClusterSettings authTimeout(Duration authTimeout) {
		this.authTimeout = authTimeout;
		return this;
	}

	/**
	 * Sets the {@code tls} block.
	 * @param tls the TLS settings, {@code null} for plaintext routes
	 * @param tlsTimeout the handshake timeout, {@code null} for the default
	 * @return these settings
	 */
	public ClusterSettings tls(BrokerTls tls, Duration tlsTimeout) {
		this.tls = tls;
		this.tlsTimeout = tlsTimeout;
		return this;
	}
}
