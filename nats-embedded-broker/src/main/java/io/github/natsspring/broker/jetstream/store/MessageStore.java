package io.github.natsspring.broker.jetstream.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The messages of one stream, with nats-server's sequence and state semantics: sequences start at 1 and are
 * never reused, removals leave gaps ({@link StreamState#numDeleted()}), a full purge moves the first sequence
 * past the last. The store enforces the stream's {@link StoreLimits}: it refuses what discard new forbids and
 * removes what discard old, the per-subject limit and {@code max_age} evict.
 * <p>
 * Threading: every method is thread-safe and may block on disk I/O (a {@link FileStore} writes, and by default
 * forces, before {@link #store} returns), so none may be called from a Netty event loop. Each store owns one
 * thread, {@link #executor()}, on which it expires messages; the stream layer runs its calls there too, one
 * stream's work in order, and answers clients back on their event loops. Messages are handed over as arrays the
 * caller no longer changes (a routed message is only valid while routed, so it is copied before being queued);
 * what a load returns is the store's copy, shared, not to be modified.
 */
public interface MessageStore extends AutoCloseable {

	/**
	 * The stream's name.
	 * @return the name the store was opened with
	 */
	String name();

	/**
	 * Stores a message as the next sequence, then applies the limits. Once this returns, a {@link FileStore}'s
	 * message survives the process being killed (see {@link FileStoreOptions#forceEachWrite()} for an
	 * operating-system crash).
	 * @param subject the subject it was published on
	 * @param headers the header block, or {@code null} for none
	 * @param payload the payload, possibly empty
	 * @param timestamp the time to record, in nanoseconds since the epoch
	 * @return the message's sequence
	 * @throws MessageRejectedException when a limit refuses the message; nothing was stored
	 */
	long store(String subject, byte[] headers, byte[] payload, long timestamp) throws MessageRejectedException;

	/**
	 * Makes everything stored so far survive an operating-system crash. Concurrent calls share one force.
	 */
	void sync();

	/**
	 * A message by sequence.
	 * @param sequence the sequence
	 * @return the message, or {@code null} when it is not held
	 */
	StoredMessage load(long sequence);

	/**
	 * The newest message on a subject (the {@code last_by_subj} of a message get, direct get, KV get).
	 * @param filter a subject, possibly with wildcards; {@code null} or {@code >} for any
	 * @return the newest matching message, or {@code null} when none matches
	 */
	StoredMessage loadLast(String filter);

	/**
	 * The first message at or after a sequence that matches a filter, the next message for a consumer.
	 * @param filter a subject, possibly with wildcards; {@code null} or {@code >} for any
	 * @param fromSequence the lowest sequence to return
	 * @return the message, or {@code null} when none is held there
	 */
	StoredMessage loadNext(String filter, long fromSequence);

	/**
	 * Removes one message (message delete, a workqueue ack).
	 * @param sequence the sequence to remove
	 * @param erase whether to overwrite the message's bytes where they are stored, not only forget it
	 * @return whether the message was held
	 */
	boolean remove(long sequence, boolean erase);

	/**
	 * Removes what the request selects.
	 * @param request everything, a subject filter, below a sequence, or all but the newest
	 * @return how many messages were removed
	 */
	long purge(PurgeRequest request);

	/**
	 * The counters.
	 * @return a snapshot
	 */
	StreamState state();

	/**
	 * How many messages each subject holds.
	 * @param filter a subject, possibly with wildcards; {@code null} or {@code >} for all
	 * @return the matching subjects with their message counts, in no order
	 */
	Map<String, Long> subjectCounts(String filter);

	/**
	 * How many held messages at or after a sequence match a filter: a consumer's {@code num_pending}.
	 * @param filter a subject, possibly with wildcards; {@code null} or {@code >} for any
	 * @param fromSequence the lowest sequence to count
	 * @return the count
	 */
	long count(String filter, long fromSequence);

	/**
	 * The first held sequence stored at or after a time, where a deduplication window rebuilt after a restart
	 * starts reading {@code Nats-Msg-Id} headers.
	 * @param timestamp nanoseconds since the epoch
	 * @return the sequence, or the last sequence plus one when every message is older
	 */
	long firstSequenceSince(long timestamp);

	/**
	 * The limits in force.
	 * @return the limits
	 */
	StoreLimits limits();

	/**
	 * Replaces the limits (a stream update) and applies them at once.
	 * @param limits the new limits
	 */
	void updateLimits(StoreLimits limits);

	/**
	 * Sets who hears about removals.
	 * @param listener the listener, or {@code null} for none
	 */
	void setListener(StoreListener listener);

	/**
	 * Replaces the stream's metadata (its configuration as JSON) atomically: a crash leaves the old or the new.
	 * @param metadata the bytes to keep
	 */
	void writeMetadata(byte[] metadata);

	/**
	 * The stream's metadata.
	 * @return the bytes last written, or {@code null} when none were
	 */
	byte[] metadata();

	/**
	 * Opens the state store of a consumer of this stream, creating it when new, recovering it when it was
	 * stored before.
	 * @param name the consumer's name
	 * @param ackPolicy how the consumer acknowledges
	 * @return the consumer's store; the same one while it stays open
	 */
	ConsumerStore consumer(String name, AckPolicy ackPolicy);

	/**
	 * The consumers this store holds state for, to recover after a restart.
	 * @return their names
	 */
	Set<String> consumerNames();

	/**
	 * Removes a consumer's state.
	 * @param name the consumer's name
	 */
	void deleteConsumer(String name);

	/**
	 * The store's own thread, where it expires messages and where the stream layer runs its calls.
	 * @return a single-thread executor, shut down by {@link #close()}
	 */
	Executor executor();

	/**
	 * Closes the store, keeping what it holds; its consumer stores close too.
	 */
	@Override
	void close();

	/**
	 * Closes the store and removes everything it holds (stream delete).
	 */
	void delete();
}
