package io.github.natsspring.broker.interop.cluster;

import java.util.Locale;

/**
 * Which servers make up a test cluster. Node 0 is the seed; every other node names only the seed as its route
 * and finds the rest through gossip.
 */
enum ClusterTopology {

	/** The reference: nats-server everywhere. */
	NATS_SERVER("nats-server", NodeKind.NATS_SERVER, NodeKind.NATS_SERVER),

	/** The broker everywhere. */
	BROKER("broker", NodeKind.BROKER, NodeKind.BROKER),

	/** A broker seed that nats-server nodes join. */
	BROKER_SEED("broker seed, nats-server joiners", NodeKind.BROKER, NodeKind.NATS_SERVER),

	/** A nats-server seed that brokers join. */
	NATS_SERVER_SEED("nats-server seed, broker joiners", NodeKind.NATS_SERVER, NodeKind.BROKER);

	private final String label;

	private final NodeKind seed;

	private final NodeKind joiners;

	ClusterTopology(String label, NodeKind seed, NodeKind joiners) {
		this.label = label;
		this.seed = seed;
		this.joiners = joiners;
	}

	/** The kind of the node at this index. */
	NodeKind kindOf(int index) {
		return (index == 0) ? seed : joiners;
	}

	/** The name that selects this topology, e.g. {@code broker-seed}. */
	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Override
	public String toString() {
		return label;
	}
}
