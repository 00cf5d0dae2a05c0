package io.github.natsspring.metrics;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

import io.github.natsspring.broker.BrokerStatistics;
import io.github.natsspring.broker.NatsBroker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters over an embedded {@link NatsBroker}'s {@link NatsBroker#getStatistics() statistics}, with nats-server's
 * {@code /varz} meanings, gathered when the registry is scraped: gauges {@code nats.broker.connections},
 * {@code nats.broker.subscriptions}; counters {@code nats.broker.connections.accepted},
 * {@code nats.broker.slow.consumers}, {@code nats.broker.messages.in}, {@code .messages.out}, {@code .bytes.in},
 * {@code .bytes.out} ("in" is what clients published, "out" what the broker delivered).
 */
public class NatsBrokerMetrics implements MeterBinder {

	private static final String PREFIX = "nats.broker.";

	private final NatsBroker broker;

	private final Iterable<Tag> tags;

	/**
	 * Creates meters for a broker, without tags.
	 * @param broker the broker
	 */
	public NatsBrokerMetrics(NatsBroker broker) {
		this(broker, Tags.empty());
	}

	/**
	 * Creates meters for a broker.
	 * @param broker the broker
	 * @param tags tags added to every meter
	 */
	public NatsBrokerMetrics(NatsBroker broker, Iterable<Tag> tags) {
		this.broker = Objects.requireNonNull(broker, "broker");
		this.tags = Objects.requireNonNull(tags, "tags");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge("connections", "Clients connected now", BrokerStatistics::connections).register(registry);
		gauge("subscriptions", "Subscriptions held now", BrokerStatistics::subscriptions).register(registry);
		counter("connections.accepted", "Clients accepted since the broker started",
				BrokerStatistics::totalConnections)
			.register(registry);
		counter("slow.consumers", "Clients cut off for falling behind", BrokerStatistics::slowConsumers)
			.register(registry);
		counter("messages.in", "Messages received from clients", BrokerStatistics::inMessages).register(registry);
		counter("messages.out", "Messages delivered to clients", BrokerStatistics::outMessages).register(registry);
		counter("bytes.in", "Payload bytes, headers included, received from clients", BrokerStatistics::inBytes)
			.baseUnit(BaseUnits.BYTES)
			.register(registry);
		counter("bytes.out", "Payload bytes, headers included, delivered to clients", BrokerStatistics::outBytes)
			.baseUnit(BaseUnits.BYTES)
			.register(registry);
	}

	private Gauge.Builder<NatsBroker> gauge(String name, String description, ToDoubleFunction<BrokerStatistics> value) {
		return Gauge.builder(PREFIX + name, this.broker, (broker) -> value.applyAsDouble(broker.getStatistics()))
			.description(description)
			.tags(this.tags);
	}

	private FunctionCounter.Builder<NatsBroker> counter(String name, String description,
			ToDoubleFunction<BrokerStatistics> value) {
		return FunctionCounter
			.builder(PREFIX + name, this.broker, (broker) -> value.applyAsDouble(broker.getStatistics()))
			.description(description)
			.tags(this.tags);
	}
}
