package io.github.natsspring.bench.starter;

import io.github.natsspring.bench.load.Metric;

/**
 * The client-side figures of the starter comparisons.
 */
final class ClientCost {

	/** CPU time of the client JVM per message, on the side being compared. */
	static final Metric CLIENT_CPU_PER_MESSAGE = new Metric("client CPU per msg", "µs");

	private ClientCost() {
	}

}
