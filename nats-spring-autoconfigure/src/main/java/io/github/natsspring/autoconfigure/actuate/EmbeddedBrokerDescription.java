package io.github.natsspring.autoconfigure.actuate;

import java.util.function.Supplier;

import io.github.natsspring.actuate.NatsEndpoint.BrokerDescriptor;
import io.github.natsspring.actuate.NatsEndpoint.Traffic;
import io.github.natsspring.broker.BrokerStatistics;
import io.github.natsspring.broker.NatsBroker;
import org.jspecify.annotations.Nullable;

/**
 * Describes the embedded broker for the {@code nats} endpoint; kept apart from the endpoint so that it loads
 * without the broker on the classpath.
 */
final class EmbeddedBrokerDescription implements Supplier<@Nullable BrokerDescriptor> {

	private final NatsBroker broker;

	EmbeddedBrokerDescription(NatsBroker broker) {
		this.broker = broker;
	}

	@Override
	public @Nullable BrokerDescriptor get() {
		if (!this.broker.isRunning()) {
			return null;
		}
		try {
			BrokerStatistics statistics = this.broker.getStatistics();
			return new BrokerDescriptor(this.broker.getServerId(), this.broker.getServerName(), this.broker.getPort(),
					this.broker.getClientUrl(), statistics.connections(), statistics.totalConnections(),
					statistics.subscriptions(), statistics.slowConsumers(),
					new Traffic(statistics.inMessages(), statistics.outMessages(), statistics.inBytes(),
							statistics.outBytes()));
		}
		catch (IllegalStateException stoppedMeanwhile) {
			return null;
		}
	}
}
