package io.github.natsspring.broker.jetstream;

import io.github.natsspring.broker.jetstream.store.StoredMessage;

/**
 * The consumers of one stream, as the consumer package keeps them; the stream layer talks to them only through
 * this interface. {@link ConsumerSupport#attach} makes one per stream.
 * <p>
 * Threading: every method but {@link #count()} is called on the stream's {@link Stream#executor()}, in the order
 * things happened to the stream; implementations keep their per-stream work there too.
 */
public interface StreamConsumers {

	/**
	 * A stream without consumers, what a stream has until {@link ConsumerSupport#attach} gave it its own.
	 */
	StreamConsumers NONE = new StreamConsumers() {

		@Override
		public void messageStored(StoredMessage message) {
		}

		@Override
		public void messageRemoved(long sequence, String subject) {
		}

		@Override
		public int count() {
			return 0;
		}

		@Override
		public boolean hasInterest(String subject) {
			return false;
		}

		@Override
		public void streamUpdated(StreamConfig config) {
		}

		@Override
		public void close() {
		}

		@Override
		public void delete() {
		}
	};

	/**
	 * A message was stored (and its PubAck sent); consumers may deliver it now.
	 * @param message the stored message, the store's copy
	 */
	void messageStored(StoredMessage message);

	/**
	 * A message left the store: limits, expiry, message delete, purge, or a workqueue or interest ack.
	 * @param sequence its sequence
	 * @param subject its subject
	 */
	void messageRemoved(long sequence, String subject);

	/**
	 * A purge (a {@code STREAM.PURGE} or a {@code Nats-Rollup}) ended, after the removals were reported one by one:
	 * as nats-server's {@code consumer.purge(fseq, lseq)}, each consumer whose filter matches the purge's moves its
	 * next sequence up to {@code firstSequence} when it was below. The default does nothing.
	 * @param filter the purge's subject filter, {@code null} for every subject
	 * @param firstSequence the first sequence still held (of the filter's subjects when filtered), 0 for none
	 * @param lastSequence the stream's last sequence
	 */
	default void streamPurged(String filter, long firstSequence, long lastSequence) {
	}

	/**
	 * How many consumers the stream has, for stream info's {@code consumer_count}; any thread.
	 * @return the count
	 */
	int count();

	/**
	 * Whether some consumer's filter matches a subject: an interest stream keeps a new message only then.
	 * @param subject the message's subject
	 * @return whether a consumer will want it
	 */
	boolean hasInterest(String subject);

	/**
	 * The stream's configuration changed (a stream update), e.g. its retention-relevant limits.
	 * @param config the new configuration
	 */
	void streamUpdated(StreamConfig config);

	/**
	 * The broker is stopping: stop timers and deliveries and close the consumer stores, keeping their state.
	 * Called before the stream's store closes.
	 */
	void close();

	/**
	 * The stream is being deleted: end every consumer (pull requests waiting get nothing more) and forget them.
	 * Called before the stream's store is deleted, which removes the consumers' state with it.
	 */
	void delete();
}
