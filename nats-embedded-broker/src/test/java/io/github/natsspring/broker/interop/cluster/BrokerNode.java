package io.github.natsspring.broker.interop.cluster;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;

/** A cluster node that is the project's broker in this JVM; killing it stops it, and a new broker replaces it. */
final class BrokerNode extends ClusterNode {

	private NatsBroker broker;

	BrokerNode(NodeSpec spec) {
		super(spec);
	}

	@Override
	void start() {
		NodeSpec spec = spec();
		NatsBrokerOptions options = NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(spec.ports().client())
			.serverName(spec.name())
			.monitoring(BrokerMonitoring.builder().host("127.0.0.1").port(spec.ports().monitoring()).build())
			.cluster(BrokerCluster.builder()
				.name(spec.clusterName())
				.host("127.0.0.1")
				.port(spec.ports().cluster())
				.routes(spec.routes())
				.authorization((spec.credentials() != null) ? spec.credentials().username() : null,
						(spec.credentials() != null) ? spec.credentials().password() : null)
				.build())
			.build();
		broker = new NatsBroker(options);
		broker.start();
	}

	@Override
	void kill() {
		broker.stop();
		broker = null;
	}

	@Override
	void enterLameDuckMode() {
		broker.enterLameDuckMode();
	}

	@Override
	boolean isRunning() {
		return broker != null;
	}

	@Override
	NodeKind kind() {
		return NodeKind.BROKER;
	}
}
