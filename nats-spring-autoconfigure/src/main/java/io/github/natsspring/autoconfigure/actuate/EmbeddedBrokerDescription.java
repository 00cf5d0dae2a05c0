package io.github.natsspring.autoconfigure.actuate;

import java.util.function.Supplier;

import io.github.natsspring.actuate.NatsEndpoint.BrokerDescriptor;
import io.github.natsspring.actuate.NatsEndpoint.ClusterDescriptor;
import io.github.natsspring.actuate.NatsEndpoint.Traffic;
import io.github.natsspring.broker.BrokerCluster;
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
			int port = this.broker.getPort();
			// port 0: no TCP listener, the in-JVM one is the only way in
			String clientUrl = (port != 0) ? this.broker.getClientUrl() : this.broker.getInJvmClientUrl();
			return new BrokerDescriptor(this.broker.getServerId(), this.broker.getServerName(), port, clientUrl,
					statistics.connections(), statistics.totalConnections(), statistics.subscriptions(),
					statistics.slowConsumers(), new Traffic(statistics.inMessages(), statistics.outMessages(),
							statistics.inBytes(), statistics.outBytes()),
					cluster());
		}
		catch (IllegalStateException stoppedMeanwhile) {
			return null;
		}
	}

	private @Nullable ClusterDescriptor cluster() {
		BrokerCluster cluster = this.broker.getOptions().cluster();
		if (cluster == null) {
			return null;
		}
		return new ClusterDescriptor(cluster.name(), this.broker.getClusterPort(), this.broker.getRouteCount());
	}
}
