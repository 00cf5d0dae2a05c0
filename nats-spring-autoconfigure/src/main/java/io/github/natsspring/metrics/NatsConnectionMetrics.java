package io.github.natsspring.metrics;

import java.util.Objects;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;
import io.nats.client.Statistics;

/**
 * Meters over a jnats {@link Connection}'s {@link Connection#getStatistics() statistics}, read when the registry
 * is scraped: counters {@code nats.connection.messages.in}, {@code .messages.out}, {@code .bytes.in},
 * {@code .bytes.out}, {@code .messages.dropped}, {@code .reconnects}, {@code .requests}, {@code .replies}; gauges
 * {@code nats.connection.pending.messages}, {@code .pending.bytes} (queued for the server, not yet written) and
 * {@code nats.connection.connected} (1 while connected, else 0). As jnats counts them, messages out include the
 * protocol messages the client sends (CONNECT, SUB, PING...); messages in are the messages delivered to it.
 */
public class NatsConnectionMetrics implements MeterBinder {

	private static final String PREFIX = "nats.connection.";

	private final Connection connection;

	private final Iterable<Tag> tags;

	/**
	 * Creates meters for a connection, without tags.
	 * @param connection the connection
	 */
	public NatsConnectionMetrics(Connection connection) {
		this(connection, Tags.empty());
	}

	/**
	 * Creates meters for a connection.
	 * @param connection the connection
	 * @param tags tags added to every meter, e.g. to tell connections apart
	 */
	public NatsConnectionMetrics(Connection connection, Iterable<Tag> tags) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.tags = Objects.requireNonNull(tags, "tags");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter("messages.in", "Messages received from the server", Statistics::getInMsgs).register(registry);
		counter("messages.out", "Messages sent to the server, protocol messages (SUB, PING...) included",
				Statistics::getOutMsgs).register(registry);
		counter("bytes.in", "Bytes received from the server", Statistics::getInBytes).baseUnit(BaseUnits.BYTES)
			.register(registry);
		counter("bytes.out", "Bytes sent to the server", Statistics::getOutBytes).baseUnit(BaseUnits.BYTES)
			.register(registry);
		counter("messages.dropped", "Messages dropped because a subscription's pending limit was reached",
				Statistics::getDroppedCount)
			.register(registry);
		counter("reconnects", "Reconnections to a server", Statistics::getReconnects).register(registry);
		counter("requests", "Requests sent", Statistics::getRequestsSent).register(registry);
		counter("replies", "Replies received to requests", Statistics::getRepliesReceived).register(registry);
		Gauge.builder(PREFIX + "pending.messages", this.connection, Connection::outgoingPendingMessageCount)
			.description("Messages queued for the server and not yet written")
			.tags(this.tags)
			.register(registry);
		Gauge.builder(PREFIX + "pending.bytes", this.connection, Connection::outgoingPendingBytes)
			.description("Bytes queued for the server and not yet written")
			.baseUnit(BaseUnits.BYTES)
			.tags(this.tags)
			.register(registry);
		Gauge
			.builder(PREFIX + "connected", this.connection,
					(connection) -> (connection.getStatus() == Connection.Status.CONNECTED) ? 1 : 0)
			.description("1 while the connection is connected to a server, else 0")
			.tags(this.tags)
			.register(registry);
	}

	private FunctionCounter.Builder<Connection> counter(String name, String description,
			ToLongFunction<Statistics> value) {
		return FunctionCounter
			.builder(PREFIX + name, this.connection, (connection) -> value.applyAsLong(connection.getStatistics()))
			.description(description)
			.tags(this.tags);
	}
}
