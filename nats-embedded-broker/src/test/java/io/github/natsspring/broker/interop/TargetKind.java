package io.github.natsspring.broker.interop;

import java.util.function.Supplier;

/** The servers every interop scenario runs against. */
enum TargetKind {

	/** The project's broker in this JVM. */
	EMBEDDED("embedded", EmbeddedBrokerTarget::new),

	/** The reference nats-server as a separate process. */
	NATS_SERVER("nats-server", NatsServerProcessTarget::new);

	private final String label;

	private final Supplier<NatsTarget> factory;

	TargetKind(String label, Supplier<NatsTarget> factory) {
		this.label = label;
		this.factory = factory;
	}

	/** The name used to select this target and shown in test names. */
	String label() {
		return label;
	}

	/** A new, not yet started target of this kind. */
	NatsTarget create() {
		return factory.get();
	}

	@Override
	public String toString() {
		return label;
	}
}
