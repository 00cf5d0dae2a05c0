package io.github.natsspring.broker.jetstream.store;

/**
 * What a store keeps in memory for each held message; a store adds where the message's bytes are.
 */
class IndexEntry {

	final long sequence;

	final long timestamp;

	final String subject;

	/** The message's size as counted in {@link StreamState#bytes()}. */
	final long size;

	IndexEntry(long sequence, long timestamp, String subject, long size) {
		this.sequence = sequence;
		this.timestamp = timestamp;
		this.subject = subject;
		this.size = size;
	}
}
