package io.github.natsspring.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link NatsBroker} needs to start. Immutable; build one with {@link #builder()}.
 *
 * @param host the address to listen on ({@code 0.0.0.0} for all interfaces)
 * @param port the port to listen on; 0 picks a free one, readable from {@link NatsBroker#getPort()}
 * @param serverName the name sent in INFO; {@code null} means the generated server id, as in nats-server
 * @param limits payload, connection, subscription and liveness limits
 * @param auth how clients authenticate
 * @param lameDuckDuration how long lame-duck mode spreads the closing of clients over
 * @param lameDuckGracePeriod how long clients get after the lame-duck INFO before closing starts
 * @param logging which debug and trace lines the broker logs
 */
public record NatsBrokerOptions(String host, int port, String serverName, BrokerLimits limits, BrokerAuth auth,
		Duration lameDuckDuration, Duration lameDuckGracePeriod, BrokerLogging logging) {

	/** The port NATS clients use unless told otherwise. */
	public static final int DEFAULT_PORT = 4222;

	public NatsBrokerOptions {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(limits, "limits");
		Objects.requireNonNull(auth, "auth");
		Objects.requireNonNull(lameDuckDuration, "lameDuckDuration");
		Objects.requireNonNull(lameDuckGracePeriod, "lameDuckGracePeriod");
		Objects.requireNonNull(logging, "logging");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
		}
		if (serverName != null && serverName.isBlank()) {
			throw new IllegalArgumentException("serverName must not be blank");
		}
	}

	/** A builder starting from nats-server's defaults: all interfaces, port 4222, no auth. */
	public static Builder builder() {
		return new Builder();
	}

	/** Options for a test or embedded broker: loopback, a random port, defaults otherwise. */
	public static NatsBrokerOptions loopbackRandomPort() {
		return builder().host("127.0.0.1").port(0).build();
	}

	/** A builder holding these options, to derive changed copies. */
	public Builder toBuilder() {
		return new Builder().host(host).port(port).serverName(serverName).limits(limits).auth(auth)
				.lameDuckDuration(lameDuckDuration).lameDuckGracePeriod(lameDuckGracePeriod).logging(logging);
	}

	/** Builder of {@link NatsBrokerOptions}. */
	public static final class Builder {

		private String host = "0.0.0.0";

		private int port = DEFAULT_PORT;

		private String serverName;

		private BrokerLimits limits = BrokerLimits.defaults();

		private BrokerAuth auth = BrokerAuth.none();

		private Duration lameDuckDuration = Duration.ofMinutes(2);

		private Duration lameDuckGracePeriod = Duration.ofSeconds(10);

		private BrokerLogging logging = BrokerLogging.DEFAULT;

		private Builder() {
		}

		public Builder host(String host) {
			this.host = host;
			return this;
		}

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder serverName(String serverName) {
			this.serverName = serverName;
			return this;
		}

		public Builder limits(BrokerLimits limits) {
			this.limits = limits;
			return this;
		}

		public Builder auth(BrokerAuth auth) {
			this.auth = auth;
			return this;
		}

		public Builder lameDuckDuration(Duration lameDuckDuration) {
			this.lameDuckDuration = lameDuckDuration;
			return this;
		}

		public Builder lameDuckGracePeriod(Duration lameDuckGracePeriod) {
			this.lameDuckGracePeriod = lameDuckGracePeriod;
			return this;
		}

		public Builder logging(BrokerLogging logging) {
			this.logging = logging;
			return this;
		}

		public NatsBrokerOptions build() {
			return new NatsBrokerOptions(host, port, serverName, limits, auth, lameDuckDuration, lameDuckGracePeriod,
					logging);
		}
	}
}
