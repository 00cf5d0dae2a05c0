package io.github.natsspring.broker.jetstream.store;

import java.util.List;
import java.util.Set;

/**
 * A stream held in memory ({@code "storage":"memory"}): gone when the process ends, as in nats-server. Bytes are
 * counted as nats-server's memory store counts them: subject, headers and payload plus 16. Erasing a message is
 * forgetting it; the copies already handed out are not overwritten. Threading as {@link MessageStore} says.
 */
public final class MemoryStore extends IndexedMessageStore<MemoryStore.MemoryEntry> {

	private volatile byte[] metadata;

	/**
	 * An empty store.
	 * @param name the stream's name
	 * @param limits the stream's limits
	 */
	public MemoryStore(String name, StoreLimits limits) {
		super(name, limits);
	}

	@Override
	long sizeOf(int subjectLength, int headerLength, int payloadLength) {
		return subjectLength + headerLength + payloadLength + 16;
	}

	@Override
	MemoryEntry append(long sequence, long timestamp, String subject, byte[] subjectBytes, byte[] headers,
			byte[] payload) {
		int headerLength = (headers == null) ? 0 : headers.length;
		StoredMessage message = new StoredMessage(sequence, timestamp, subject, headers, payload);
		return new MemoryEntry(message, sizeOf(subjectBytes.length, headerLength, payload.length));
	}

	@Override
	StoredMessage read(MemoryEntry entry) {
		return entry.message;
	}

	@Override
	void removed(MemoryEntry entry, boolean erase) {
	}

	@Override
	void recordRemovals(List<MemoryEntry> removed, boolean firstMoved, long firstSequence, long lastTimestamp) {
	}

	@Override
	void recordPurge(long next, long lastTimestamp) {
	}

	@Override
	long commit() {
		return 0;
	}

	@Override
	void awaitDurable(long commit) {
	}

	@Override
	public void sync() {
	}

	@Override
	ConsumerStore openConsumer(String consumer, AckPolicy ackPolicy) {
		return new MemoryConsumerStore(consumer, ackPolicy);
	}

	@Override
	void deleteConsumerState(String consumer) {
	}

	@Override
	public Set<String> consumerNames() {
		this.lock.lock();
		try {
			ensureOpen();
			return Set.copyOf(openConsumerNames());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void writeMetadata(byte[] metadata) {
		this.metadata = metadata.clone();
	}

	@Override
	public byte[] metadata() {
		byte[] metadata = this.metadata;
		return (metadata == null) ? null : metadata.clone();
	}

	@Override
	void release(boolean delete) {
		if (delete) {
			this.metadata = null;
		}
	}

	/** A held message with its bytes. */
	static final class MemoryEntry extends IndexEntry {

		final StoredMessage message;

		MemoryEntry(StoredMessage message, long size) {
			super(message.sequence(), message.timestamp(), message.subject(), size);
			this.message = message;
		}
	}
}
