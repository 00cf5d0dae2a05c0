package io.github.natsspring.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits and liveness settings of a broker, with nats-server's defaults. Immutable; build one with
 * {@link #builder()}, or derive one with {@link #toBuilder()}.
 */
public final class BrokerLimits {

	/** nats-server's default maximum payload: 1 MiB. */
	public static final int DEFAULT_MAX_PAYLOAD = 1024 * 1024;

	/** nats-server's default maximum control line: 4 KiB. */
	public static final int DEFAULT_MAX_CONTROL_LINE = 4096;

	/** nats-server's default maximum number of connections. */
	public static final int DEFAULT_MAX_CONNECTIONS = 64 * 1024;

	/** nats-server's default maximum pending bytes per client: 64 MiB. */
	public static final long DEFAULT_MAX_PENDING = 64L * 1024 * 1024;

	private static final BrokerLimits DEFAULTS = builder().build();

	private final int maxPayload;

	private final int maxControlLine;

	private final int maxConnections;

	private final int maxSubscriptions;

	private final long maxPending;

	private final Duration writeDeadline;

	private final Duration pingInterval;

	private final int maxPingsOut;

	private final Duration authTimeout;

	private BrokerLimits(Builder builder) {
		this.maxPayload = requirePositive("maxPayload", builder.maxPayload);
		this.maxControlLine = requirePositive("maxControlLine", builder.maxControlLine);
		this.maxConnections = requirePositive("maxConnections", builder.maxConnections);
		this.maxPending = requirePositive("maxPending", builder.maxPending);
		this.maxPingsOut = requirePositive("maxPingsOut", builder.maxPingsOut);
		this.writeDeadline = requirePositive("writeDeadline", builder.writeDeadline);
		this.pingInterval = requirePositive("pingInterval", builder.pingInterval);
		this.authTimeout = requirePositive("authTimeout", builder.authTimeout);
		if (builder.maxSubscriptions < 0) {
			throw new IllegalArgumentException(
					"maxSubscriptions must be 0 (unlimited) or positive, was " + builder.maxSubscriptions);
		}
		this.maxSubscriptions = builder.maxSubscriptions;
		if (this.maxPayload > this.maxPending) {
			throw new IllegalArgumentException(
					"maxPayload (" + this.maxPayload + ") must not exceed maxPending (" + this.maxPending + ")");
		}
	}

	/**
	 * The limits nats-server applies when none are configured.
	 * @return the default limits
	 */
	public static BrokerLimits defaults() {
		return DEFAULTS;
	}

	/**
	 * A builder starting from nats-server's defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these limits, to derive changed copies.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().maxPayload(this.maxPayload)
			.maxControlLine(this.maxControlLine)
			.maxConnections(this.maxConnections)
			.maxSubscriptions(this.maxSubscriptions)
			.maxPending(this.maxPending)
			.writeDeadline(this.writeDeadline)
			.pingInterval(this.pingInterval)
			.maxPingsOut(this.maxPingsOut)
			.authTimeout(this.authTimeout);
	}

	/**
	 * The largest message payload (headers included) a client may publish.
	 * @return bytes
	 */
	public int maxPayload() {
		return this.maxPayload;
	}

	/**
	 * The longest protocol line (CONNECT included) a client may send.
	 * @return bytes
	 */
	public int maxControlLine() {
		return this.maxControlLine;
	}

	/**
	 * The most client connections accepted at once.
	 * @return the connection limit
	 */
	public int maxConnections() {
		return this.maxConnections;
	}

	/**
	 * The most subscriptions one connection may hold.
	 * @return the limit, 0 for unlimited
	 */
	public int maxSubscriptions() {
		return this.maxSubscriptions;
	}

	/**
	 * The most bytes queued to one client. Past half of it, client producers delivering to it are stalled;
	 * past all of it, the client is cut off as a slow consumer.
	 * @return bytes
	 */
	public long maxPending() {
		return this.maxPending;
	}

	/**
	 * How long a client's socket may stay unwritable without a completed write before the client is cut off.
	 * @return the write deadline
	 */
	public Duration writeDeadline() {
		return this.writeDeadline;
	}

	/**
	 * How often the server pings a client.
	 * @return the ping interval
	 */
	public Duration pingInterval() {
		return this.pingInterval;
	}

	/**
	 * How many server pings may stay unanswered before the connection is stale.
	 * @return the limit
	 */
	public int maxPingsOut() {
		return this.maxPingsOut;
	}

	/**
	 * How long a client has to send CONNECT when authentication is required.
	 * @return the authentication timeout
	 */
	public Duration authTimeout() {
		return this.authTimeout;
	}

	@Override
	public String toString() {
		return "BrokerLimits[maxPayload=" + this.maxPayload + ", maxControlLine=" + this.maxControlLine
				+ ", maxConnections=" + this.maxConnections + ", maxSubscriptions=" + this.maxSubscriptions
				+ ", maxPending=" + this.maxPending + ", writeDeadline=" + this.writeDeadline + ", pingInterval="
				+ this.pingInterval + ", maxPingsOut=" + this.maxPingsOut + ", authTimeout=" + this.authTimeout + "]";
	}

	private static <T extends Number> T requirePositive(String name, T value) {
		if (value.longValue() <= 0) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
		return value;
	}

	private static Duration requirePositive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.toMillis() <= 0) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
		return value;
	}

	/** Builder of {@link BrokerLimits}, starting from nats-server's defaults. */
	public static final class Builder {

		private int maxPayload = DEFAULT_MAX_PAYLOAD;

		private int maxControlLine = DEFAULT_MAX_CONTROL_LINE;

		private int maxConnections = DEFAULT_MAX_CONNECTIONS;

		private int maxSubscriptions;

		private long maxPending = DEFAULT_MAX_PENDING;

		private Duration writeDeadline = Duration.ofSeconds(10);

		private Duration pingInterval = Duration.ofMinutes(2);

		private int maxPingsOut = 2;

		private Duration authTimeout = Duration.ofSeconds(2);

		private Builder() {
		}

		/**
		 * Sets the largest payload a client may publish (default 1 MiB).
		 * @param maxPayload bytes, at most max pending
		 * @return this builder
		 */
		public Builder maxPayload(int maxPayload) {
			this.maxPayload = maxPayload;
			return this;
		}

		/**
		 * Sets the longest protocol line a client may send (default 4 KiB).
		 * @param maxControlLine bytes
		 * @return this builder
		 */
		public Builder maxControlLine(int maxControlLine) {
			this.maxControlLine = maxControlLine;
			return this;
		}

		/**
		 * Sets the most client connections accepted at once (default 65,536).
		 * @param maxConnections the connection limit
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * Sets the most subscriptions one connection may hold (default 0, unlimited).
		 * @param maxSubscriptions the limit, 0 for unlimited
		 * @return this builder
		 */
		public Builder maxSubscriptions(int maxSubscriptions) {
			this.maxSubscriptions = maxSubscriptions;
			return this;
		}

		/**
		 * Sets the most bytes queued to one client (default 64 MiB).
		 * @param maxPending bytes
		 * @return this builder
		 */
		public Builder maxPending(long maxPending) {
			this.maxPending = maxPending;
			return this;
		}

		/**
		 * Sets how long a write may stay blocked before the client is cut off (default 10 s).
		 * @param writeDeadline the write deadline
		 * @return this builder
		 */
		public Builder writeDeadline(Duration writeDeadline) {
			this.writeDeadline = writeDeadline;
			return this;
		}

		/**
		 * Sets how often the server pings a client (default 2 min).
		 * @param pingInterval the ping interval
		 * @return this builder
		 */
		public Builder pingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
			return this;
		}

		/**
		 * Sets how many pings may stay unanswered (default 2).
		 * @param maxPingsOut the limit
		 * @return this builder
		 */
		public Builder maxPingsOut(int maxPingsOut) {
			this.maxPingsOut = maxPingsOut;
			return this;
		}

		/**
		 * Sets how long a client has to authenticate (default 2 s).
		 * @param authTimeout the authentication timeout
		 * @return this builder
		 */
		public Builder authTimeout(Duration authTimeout) {
			this.authTimeout = authTimeout;
			return this;
		}

		/**
		 * Builds the limits.
		 * @return the limits
		 * @throws IllegalArgumentException when a limit is out of range
		 */
		public BrokerLimits build() {
			return new BrokerLimits(this);
		}
	}
}
