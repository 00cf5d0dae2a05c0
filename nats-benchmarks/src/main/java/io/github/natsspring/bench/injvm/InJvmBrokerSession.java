package io.github.natsspring.bench.injvm;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * The embedded broker both sides of the transport comparison talk to: in the benchmark's own JVM, listening on a
 * loopback TCP port and in-JVM, started once for the whole comparison.
 */
public final class InJvmBrokerSession implements AutoCloseable {

	private static final String IN_JVM_NAME = "bench-broker";

	private NatsBroker broker;

	/** Starts the broker, replacing one still running. */
	public void start() {
		close();
		this.broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort().toBuilder().inJvmName(IN_JVM_NAME).build());
		this.broker.start();
	}

	NatsBroker broker() {
		if (this.broker == null) {
			throw new IllegalStateException("The in-JVM broker is not running");
		}
		return this.broker;
	}

	/** Stops the broker, if running. */
	@Override
	public void close() {
		if (this.broker != null) {
			this.broker.stop();
			this.broker = null;
		}
	}

}
