package io.github.natsspring.broker.jetstream.store;

/**
 * A consumer sequence with the stream sequence of the same delivery ({@code delivered}, {@code ack_floor}).
 *
 * @param consumerSequence the consumer's own sequence, counting every delivery
 * @param streamSequence the message's sequence in the stream
 */
public record SequencePair(long consumerSequence, long streamSequence) {

	/** No delivery yet. */
	public static final SequencePair NONE = new SequencePair(0, 0);
}
