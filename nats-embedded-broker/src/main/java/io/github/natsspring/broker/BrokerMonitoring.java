package io.github.natsspring.broker;

import java.util.Objects;

/**
 * nats-server's HTTP monitoring port ({@code -m}, {@code http_port}, {@code http}): where the {@code /varz},
 * {@code /connz}, {@code /subsz}, {@code /routez}, {@code /healthz}, {@code /accountz} and {@code /jsz}
 * endpoints are served. Immutable; build one with {@link #builder()}.
 */
public final class BrokerMonitoring {

	/** nats-server's conventional monitoring port. */
	public static final int DEFAULT_PORT = 8222;

	private final String host;

	private final int port;

	private final String basePath;

	private BrokerMonitoring(Builder builder) {
		this.host = Objects.requireNonNull(builder.host, "host");
		this.port = builder.port;
		this.basePath = normalize(Objects.requireNonNull(builder.basePath, "basePath"));
		if (this.port < 0 || this.port > 65535) {
			throw new IllegalArgumentException("monitoring port must be between 0 and 65535, was " + this.port);
		}
	}

	/**
	 * A builder starting from all interfaces, port 8222, no base path.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Monitoring on the given port of all interfaces.
	 * @param port the port, 0 for a free one
	 * @return the settings
	 */
	public static BrokerMonitoring onPort(int port) {
		return builder().port(port).build();
	}

	// nats-server: a base path always starts with '/' and never ends with one, "" meaning the root
	private static String normalize(String basePath) {
		String path = basePath.strip();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (path.isEmpty()) {
			return "";
		}
		return path.startsWith("/") ? path : "/" + path;
	}

	/**
	 * The address the monitoring port listens on.
	 * @return a host name or address, {@code 0.0.0.0} for all interfaces
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The monitoring port.
	 * @return the port; 0 picks a free one, readable from {@link NatsBroker#getMonitoringPort()}
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The path every endpoint is served under ({@code http_base_path}).
	 * @return e.g. {@code /nats}, or the empty string for the root
	 */
	public String basePath() {
		return this.basePath;
	}

	/**
	 * A builder holding these settings.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().host(this.host).port(this.port).basePath(this.basePath);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BrokerMonitoring that && this.host.equals(that.host) && this.port == that.port
				&& this.basePath.equals(that.basePath);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.host, this.port, this.basePath);
	}

	@Override
	public String toString() {
		return "BrokerMonitoring[host=" + this.host + ", port=" + this.port + ", basePath=" + this.basePath + "]";
	}

	/** Builder of {@link BrokerMonitoring}. */
	public static final class Builder {

		private String host = "0.0.0.0";

		private int port = DEFAULT_PORT;

		private String basePath = "";

		private Builder() {
		}

		/**
		 * Sets the address to listen on (default {@code 0.0.0.0}).
		 * @param host a host name or address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the port (default 8222, 0 for a free one).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the path the endpoints are served under (default: the root).
		 * @param basePath e.g. {@code /nats}; a missing leading slash is added, trailing ones removed
		 * @return this builder
		 */
		public Builder basePath(String basePath) {
			this.basePath = basePath;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException when the port is out of range
		 */
		public BrokerMonitoring build() {
			return new BrokerMonitoring(this);
		}
	}
}
