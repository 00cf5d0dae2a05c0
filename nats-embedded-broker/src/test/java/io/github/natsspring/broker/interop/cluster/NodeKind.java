package io.github.natsspring.broker.interop.cluster;

import java.util.function.Function;

/** The two servers a cluster node can be. */
enum NodeKind {

	/** The project's broker, in this JVM. */
	BROKER("broker", BrokerNode::new),

	/** The reference nats-server 2.9.10, as a process. */
	NATS_SERVER("nats-server", NatsServerNode::new);

	private final String label;

	private final Function<NodeSpec, ClusterNode> factory;

	NodeKind(String label, Function<NodeSpec, ClusterNode> factory) {
		this.label = label;
		this.factory = factory;
	}

	/** A node of this kind, not yet started. */
	ClusterNode create(NodeSpec spec) {
		return factory.apply(spec);
	}

	@Override
	public String toString() {
		return label;
	}
}
