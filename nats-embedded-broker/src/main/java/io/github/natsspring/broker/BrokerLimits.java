package io.github.natsspring.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits and liveness settings of a broker, with nats-server's defaults.
 *
 * @param maxPayload largest message payload (headers included) a client may publish, in bytes
 * @param maxControlLine longest protocol line (CONNECT included) a client may send, in bytes
 * @param maxConnections most client connections accepted at once
 * @param maxSubscriptions most subscriptions one connection may hold; 0 means unlimited
 * @param maxPending most bytes queued to one client before it is cut off as a slow consumer
 * @param writeDeadline how long a write to a client may stay blocked before it is cut off
 * @param pingInterval how often the server pings an idle client
 * @param maxPingsOut how many server pings may stay unanswered before the connection is stale
 * @param authTimeout how long a client has to send CONNECT when authentication is required
 */
public record BrokerLimits(int maxPayload, int maxControlLine, int maxConnections, int maxSubscriptions,
		long maxPending, Duration writeDeadline, Duration pingInterval, int maxPingsOut, Duration authTimeout) {

	/** nats-server's default maximum payload: 1 MiB. */
	public static final int DEFAULT_MAX_PAYLOAD = 1024 * 1024;

	/** nats-server's default maximum control line: 4 KiB. */
	public static final int DEFAULT_MAX_CONTROL_LINE = 4096;

	/** nats-server's default maximum number of connections. */
	public static final int DEFAULT_MAX_CONNECTIONS = 64 * 1024;

	/** nats-server's default maximum pending bytes per client: 64 MiB. */
	public static final long DEFAULT_MAX_PENDING = 64L * 1024 * 1024;

	public BrokerLimits {
		Objects.requireNonNull(writeDeadline, "writeDeadline");
		Objects.requireNonNull(pingInterval, "pingInterval");
		Objects.requireNonNull(authTimeout, "authTimeout");
		requirePositive("maxPayload", maxPayload);
		requirePositive("maxControlLine", maxControlLine);
		requirePositive("maxConnections", maxConnections);
		requirePositive("maxPending", maxPending);
		requirePositive("maxPingsOut", maxPingsOut);
		if (maxSubscriptions < 0) {
			throw new IllegalArgumentException("maxSubscriptions must be 0 (unlimited) or positive, was " + maxSubscriptions);
		}
		if (maxPayload > maxPending) {
			throw new IllegalArgumentException("maxPayload (" + maxPayload + ") must not exceed maxPending (" + maxPending + ")");
		}
		requirePositive("writeDeadline", writeDeadline.toMillis());
		requirePositive("pingInterval", pingInterval.toMillis());
		requirePositive("authTimeout", authTimeout.toMillis());
	}

	/** The limits nats-server applies when none are configured. */
	public static BrokerLimits defaults() {
		return new BrokerLimits(DEFAULT_MAX_PAYLOAD, DEFAULT_MAX_CONTROL_LINE, DEFAULT_MAX_CONNECTIONS, 0,
				DEFAULT_MAX_PENDING, Duration.ofSeconds(10), Duration.ofMinutes(2), 2, Duration.ofSeconds(2));
	}

	public BrokerLimits withMaxPayload(int value) {
		return new BrokerLimits(value, maxControlLine, maxConnections, maxSubscriptions, maxPending, writeDeadline,
				pingInterval, maxPingsOut, authTimeout);
	}

	public BrokerLimits withMaxControlLine(int value) {
		return new BrokerLimits(maxPayload, value, maxConnections, maxSubscriptions, maxPending, writeDeadline,
				pingInterval, maxPingsOut, authTimeout);
	}

	public BrokerLimits withMaxConnections(int value) {
		return new BrokerLimits(maxPayload, maxControlLine, value, maxSubscriptions, maxPending, writeDeadline,
				pingInterval, maxPingsOut, authTimeout);
	}

	public BrokerLimits withMaxSubscriptions(int value) {
		return new BrokerLimits(maxPayload, maxControlLine, maxConnections, value, maxPending, writeDeadline,
				pingInterval, maxPingsOut, authTimeout);
	}

	public BrokerLimits withMaxPending(long value) {
		return new BrokerLimits(maxPayload, maxControlLine, maxConnections, maxSubscriptions, value, writeDeadline,
				pingInterval, maxPingsOut, authTimeout);
	}

	public BrokerLimits withWriteDeadline(Duration value) {
		return new BrokerLimits(maxPayload, maxControlLine, maxConnections, maxSubscriptions, maxPending, value,
				pingInterval, maxPingsOut, authTimeout);
	}

	public BrokerLimits withPingInterval(Duration value) {
		return new BrokerLimits(maxPayload, maxControlLine, maxConnections, maxSubscriptions, maxPending,
				writeDeadline, value, maxPingsOut, authTimeout);
	}

	public BrokerLimits withMaxPingsOut(int value) {
		return new BrokerLimits(maxPayload, maxControlLine, maxConnections, maxSubscriptions, maxPending,
				writeDeadline, pingInterval, value, authTimeout);
	}

	public BrokerLimits withAuthTimeout(Duration value) {
		return new BrokerLimits(maxPayload, maxControlLine, maxConnections, maxSubscriptions, maxPending,
				writeDeadline, pingInterval, maxPingsOut, value);
	}

	private static void requirePositive(String name, long value) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}
}
