package io.github.natsspring.broker.interop.cluster;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Which servers make up a test cluster. Node 0 is the seed; every other node names only the seed as its route
 * and finds the rest through gossip: when a joiner registers with the seed, the seed tells the older joiners,
 * and they dial it. So with alternating kinds the gossiped route between two joiners joins a broker and a
 * nats-server, the older joiner dialling.
 */
enum ClusterTopology {

	/** The reference: nats-server everywhere. */
	NATS_SERVER("nats-server", index -> NodeKind.NATS_SERVER),

	/** The broker everywhere. */
	BROKER("broker", index -> NodeKind.BROKER),

	/** A broker seed that nats-server nodes join. */
	BROKER_SEED("broker seed, nats-server joiners", index -> (index == 0) ? NodeKind.BROKER : NodeKind.NATS_SERVER),

	/** A nats-server seed that brokers join. */
	NATS_SERVER_SEED("nats-server seed, broker joiners",
			index -> (index == 0) ? NodeKind.NATS_SERVER : NodeKind.BROKER),

	/** Broker, nats-server, broker: a nats-server joiner dials a broker joiner it learned of from a broker. */
	ALTERNATING_BROKER_SEED("broker, nats-server, broker",
			index -> (index % 2 == 0) ? NodeKind.BROKER : NodeKind.NATS_SERVER),

	/** nats-server, broker, nats-server: a broker joiner dials a nats-server joiner it learned of from one. */
	ALTERNATING_NATS_SERVER_SEED("nats-server, broker, nats-server",
			index -> (index % 2 == 0) ? NodeKind.NATS_SERVER : NodeKind.BROKER);

	private final String label;

	private final IntFunction<NodeKind> kinds;

	ClusterTopology(String label, IntFunction<NodeKind> kinds) {
		this.label = label;
		this.kinds = kinds;
	}

	/** The kind of the node at this index. */
	NodeKind kindOf(int index) {
		return kinds.apply(index);
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
