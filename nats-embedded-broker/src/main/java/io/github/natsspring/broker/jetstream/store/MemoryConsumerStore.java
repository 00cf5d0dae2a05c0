package io.github.natsspring.broker.jetstream.store;

/**
 * A consumer's state in memory: for the consumers of a {@link MemoryStore} and for {@code mem_storage}
 * consumers (ordered consumers) of any stream. Gone when the process ends.
 */
public final class MemoryConsumerStore extends TrackingConsumerStore {

	private byte[] metadata;

	/**
	 * A consumer that delivered nothing yet.
	 * @param name the consumer's name
	 * @param ackPolicy how it acknowledges
	 */
	public MemoryConsumerStore(String name, AckPolicy ackPolicy) {
		super(name, ackPolicy);
	}

	@Override
	void changed() {
	}

	@Override
	void release() {
	}

	@Override
	public synchronized void writeMetadata(byte[] metadata) {
		ensureOpen();
		this.metadata = metadata.clone();
	}

	@Override
	public synchronized byte[] metadata() {
		ensureOpen();
		return (this.metadata == null) ? null : this.metadata.clone();
	}
}
