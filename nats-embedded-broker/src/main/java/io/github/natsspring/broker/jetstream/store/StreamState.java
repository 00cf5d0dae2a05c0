package io.github.natsspring.broker.jetstream.store;

/**
 * A snapshot of a store's counters, the fields of a stream info's {@code state}.
 *
 * @param messages messages held
 * @param bytes bytes held, counted as nats-server counts them for the store's kind
 * @param firstSequence the first held sequence; 0 for a store that never held a message, the last sequence plus
 * one once everything was removed
 * @param firstTimestamp when the first held message was stored (ns since the epoch), 0 when none is held
 * @param lastSequence the last sequence given out, 0 for none
 * @param lastTimestamp when the last message was stored (ns since the epoch), 0 for none
 * @param numDeleted sequences between the first and the last that are no longer held
 * @param numSubjects distinct subjects among the held messages
 */
public record StreamState(long messages, long bytes, long firstSequence, long firstTimestamp, long lastSequence,
		long lastTimestamp, long numDeleted, int numSubjects) {
}
