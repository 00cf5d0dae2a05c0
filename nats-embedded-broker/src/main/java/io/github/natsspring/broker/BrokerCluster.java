package io.github.natsspring.broker;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * nats-server's cluster settings ({@code --cluster}, {@code --cluster_name}, {@code --routes}, the
 * {@code cluster {}} block): the port other servers connect to, the routes this server dials, and what it
 * advertises. A broker with these settings is a full peer of a nats-server 2.9.10 cluster (route protocol 2,
 * one hop, full mesh with gossip). Immutable; build one with {@link #builder()}.
 */
public final class BrokerCluster {

	/** nats-server's conventional cluster port. */
	public static final int DEFAULT_PORT = 6222;

	/** How long a route gets to authenticate when no timeout is configured: nats-server's 2 s. */
	public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(2);

	private final String name;

	private final String host;

	private final int port;

	private final List<URI> routes;

	private final String advertise;

	private final boolean noAdvertise;

	private final int connectRetries;

	private final String username;

	private final String password;

	private final Duration authTimeout;

	private final BrokerTls tls;

	private BrokerCluster(Builder builder) {
		// nats-server 2.9.10 takes any name, an empty one meaning none (generated)
		this.name = (builder.name == null || builder.name.isEmpty()) ? null : builder.name;
		this.host = Objects.requireNonNull(builder.host, "host");
		this.port = builder.port;
		this.routes = List.copyOf(builder.routes);
		this.advertise = builder.advertise;
		this.noAdvertise = builder.noAdvertise;
		this.connectRetries = builder.connectRetries;
		this.username = builder.username;
		this.password = builder.password;
		this.authTimeout = Objects.requireNonNull(builder.authTimeout, "authTimeout");
		this.tls = builder.tls;
		if (this.port < 0 || this.port > 65535) {
			throw new IllegalArgumentException("cluster port must be between 0 and 65535, was " + this.port);
		}
		if (this.connectRetries < 0) {
			throw new IllegalArgumentException("connectRetries must not be negative, was " + this.connectRetries);
		}
		if ((this.username == null) != (this.password == null)) {
			throw new IllegalArgumentException("cluster authorization needs both a user and a password");
		}
	}

	/**
	 * A builder starting from nats-server's defaults: all interfaces, port 6222, no routes, a generated name.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these settings, to derive changed copies.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().name(this.name)
			.host(this.host)
			.port(this.port)
			.routes(this.routes)
			.advertise(this.advertise)
			.noAdvertise(this.noAdvertise)
			.connectRetries(this.connectRetries)
			.authorization(this.username, this.password)
			.authTimeout(this.authTimeout)
			.tls(this.tls);
	}

	/**
	 * The cluster's name; servers with different names refuse each other's routes.
	 * @return the name, or {@code null} when the server generates one and adopts its peers' (nats-server's
	 * dynamic cluster name)
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The address the cluster port listens on.
	 * @return a host name or address, {@code 0.0.0.0} for all interfaces
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The cluster port.
	 * @return the port, 0 for a free one
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The routes this server dials and keeps dialling, once a second, until they answer (nats-server's explicit
	 * routes); {@code nats-route://} or {@code nats://} URLs, with {@code user:password@} when the peer requires
	 * it.
	 * @return the route URLs, possibly empty
	 */
	public List<URI> routes() {
		return this.routes;
	}

	/**
	 * The address peers are told to dial, instead of the listening one ({@code --cluster_advertise}).
	 * @return {@code host:port}, or {@code null} to advertise the listening address
	 */
	public String advertise() {
		return this.advertise;
	}

	/**
	 * Whether this server keeps its client URLs out of its route INFO and its peers' out of its clients' INFO
	 * ({@code --no_advertise}).
	 * @return {@code true} to advertise nothing to clients
	 */
	public boolean noAdvertise() {
		return this.noAdvertise;
	}

	/**
	 * How many more times a gossiped (implicit) route is dialled after its first attempt fails or after it is
	 * lost ({@code --connect_retries}).
	 * @return the retries, 0 by default
	 */
	public int connectRetries() {
		return this.connectRetries;
	}

	/**
	 * The user routes must present in their CONNECT ({@code cluster { authorization { user } }}).
	 * @return the user, or {@code null} when routes need no credentials
	 */
	public String username() {
		return this.username;
	}

	/**
	 * The password routes must present, plain or a bcrypt hash.
	 * @return the password, or {@code null} when routes need no credentials
	 */
	public String password() {
		return this.password;
	}

	/**
	 * How long an accepted route has to send its CONNECT.
	 * @return the timeout
	 */
	public Duration authTimeout() {
		return this.authTimeout;
	}

	/**
	 * TLS on the cluster port and on the routes this server dials.
	 * @return the settings, or {@code null} for plaintext routes
	 */
	public BrokerTls tls() {
		return this.tls;
	}

	@Override
	public String toString() {
		return "BrokerCluster[name=" + this.name + ", host=" + this.host + ", port=" + this.port + ", routes="
				+ this.routes + ", advertise=" + this.advertise + ", noAdvertise=" + this.noAdvertise
				+ ", connectRetries=" + this.connectRetries + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "[redacted]" : null) + ", authTimeout=" + this.authTimeout + ", tls="
				+ this.tls + "]";
	}

	/** Builder of {@link BrokerCluster}. */
	public static final class Builder {

		private String name;

		private String host = "0.0.0.0";

		private int port = DEFAULT_PORT;

		private final List<URI> routes = new ArrayList<>();

		private String advertise;

		private boolean noAdvertise;

		private int connectRetries;

		private String username;

		private String password;

		private Duration authTimeout = DEFAULT_AUTH_TIMEOUT;

		private BrokerTls tls;

		private Builder() {
		}

		/**
		 * Sets the cluster name (default: generated, and replaced by a peer's configured name).
		 * @param name the name, or {@code null}
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets the address the cluster port listens on (default {@code 0.0.0.0}).
		 * @param host a host name or address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the cluster port (default 6222, 0 for a free one).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Replaces the routes to dial.
		 * @param routes the route URLs
		 * @return this builder
		 */
		public Builder routes(List<URI> routes) {
			this.routes.clear();
			this.routes.addAll(routes);
			return this;
		}

		/**
		 * Adds a route to dial.
		 * @param route a route URL, such as {@code nats-route://127.0.0.1:6222}
		 * @return this builder
		 */
		public Builder route(URI route) {
			this.routes.add(Objects.requireNonNull(route, "route"));
			return this;
		}

		/**
		 * Sets the address advertised to peers (default: the listening address).
		 * @param advertise {@code host:port}, or {@code null}
		 * @return this builder
		 */
		public Builder advertise(String advertise) {
			this.advertise = advertise;
			return this;
		}

		/**
		 * Keeps client URLs out of route and client INFO (default {@code false}).
		 * @param noAdvertise whether to advertise nothing to clients
		 * @return this builder
		 */
		public Builder noAdvertise(boolean noAdvertise) {
			this.noAdvertise = noAdvertise;
			return this;
		}

		/**
		 * Sets the extra attempts for gossiped routes (default 0).
		 * @param connectRetries the retries
		 * @return this builder
		 */
		public Builder connectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
			return this;
		}

		/**
		 * Requires routes to authenticate (default: no credentials).
		 * @param username the user, or {@code null}
		 * @param password the password, plain or bcrypt, or {@code null}
		 * @return this builder
		 */
		public Builder authorization(String username, String password) {
			this.username = username;
			this.password = password;
			return this;
		}

		/**
		 * Sets how long an accepted route has to send its CONNECT (default 2 s).
		 * @param authTimeout the timeout
		 * @return this builder
		 */
		public Builder authTimeout(Duration authTimeout) {
			this.authTimeout = authTimeout;
			return this;
		}

		/**
		 * Requires TLS on routes (default: plaintext).
		 * @param tls the settings, or {@code null}
		 * @return this builder
		 */
		public Builder tls(BrokerTls tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException when a value is out of range
		 */
		public BrokerCluster build() {
			return new BrokerCluster(this);
		}
	}
}
