package io.github.natsspring.broker.jetstream.store;

/**
 * The state of one consumer of a stream, kept as the consumer delivers and is acknowledged, with nats-server's
 * rules for the ack floor. A file stream's consumers write their state on every update, so a restart resumes
 * from the last one (a process kill loses nothing that was updated; an operating-system crash may take it back
 * to an earlier state, which means redeliveries). Thread-safe; the updates of a {@link FileStore}'s consumers do disk I/O, so they
 * belong on the stream's executor, never on an event loop.
 */
public interface ConsumerStore extends AutoCloseable {

	/**
	 * The consumer's name.
	 * @return the name it was opened with
	 */
	String name();

	/**
	 * How the consumer acknowledges.
	 * @return the ack policy it was opened with
	 */
	AckPolicy ackPolicy();

	/**
	 * Sets where a new consumer starts: its delivered stream sequence, one below the first it will deliver.
	 * @param streamSequence the stream sequence delivered "so far"
	 */
	void setStartingSequence(long streamSequence);

	/**
	 * Records a delivery. Without acks it also moves the ack floor; with acks the message becomes pending, and a
	 * redelivery (count above 1) is counted.
	 * @param consumerSequence the delivery's consumer sequence
	 * @param streamSequence the message's stream sequence
	 * @param deliveryCount how many times the message has now been delivered, from 1
	 * @param timestamp when, in nanoseconds since the epoch
	 */
	void delivered(long consumerSequence, long streamSequence, int deliveryCount, long timestamp);

	/**
	 * Records an ack (with {@link AckPolicy#ALL}, of everything up to it): the message leaves pending and the
	 * ack floor moves up when it can.
	 * @param consumerSequence the acknowledged delivery's consumer sequence
	 * @param streamSequence the acknowledged message's stream sequence
	 * @return whether the message was pending; {@code false} changes nothing
	 */
	boolean acked(long consumerSequence, long streamSequence);

	/**
	 * The state.
	 * @return a snapshot
	 */
	ConsumerState state();

	/**
	 * Replaces the consumer's metadata (its configuration as JSON) atomically.
	 * @param metadata the bytes to keep
	 */
	void writeMetadata(byte[] metadata);

	/**
	 * The consumer's metadata.
	 * @return the bytes last written, or {@code null} when none were
	 */
	byte[] metadata();

	/**
	 * Closes the store, keeping the state.
	 */
	@Override
	void close();
}
