package io.github.natsspring.broker.interop;

import java.util.function.Supplier;

/** The servers every interop scenario runs against. */
public enum TargetKind {

	/** The project's broker in this JVM; as a process, its standalone main. */
	EMBEDDED("embedded", EmbeddedBrokerTarget::new, () -> new ServerProcessTarget(ServerExecutable.BROKER)),

	/** The reference nats-server as a separate process. */
	NATS_SERVER("nats-server", () -> new ServerProcessTarget(ServerExecutable.NATS_SERVER),
			() -> new ServerProcessTarget(ServerExecutable.NATS_SERVER));

	private final String label;

	private final Supplier<NatsTarget> factory;

	private final Supplier<ServerProcessTarget> processFactory;

	TargetKind(String label, Supplier<NatsTarget> factory, Supplier<ServerProcessTarget> processFactory) {
		this.label = label;
		this.factory = factory;
		this.processFactory = processFactory;
	}

	/** The name used to select this target and shown in test names. */
	public String label() {
		return label;
	}

	/** A new, not yet started target of this kind. */
	public NatsTarget create() {
		return factory.get();
	}

	/**
	 * A new, not yet started target of this kind in its own process, for scenarios that kill it: nats-server, or
	 * the broker as {@code java -jar nats-broker.jar} runs it.
	 */
	public ServerProcessTarget createProcess() {
		return processFactory.get();
	}

	@Override
	public String toString() {
		return label;
	}
}
