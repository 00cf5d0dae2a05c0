package io.github.natsspring.broker.jetstream.store;

/**
 * A delivery waiting for its ack.
 *
 * @param consumerSequence the consumer sequence of the latest delivery of the message
 * @param timestamp when it was delivered, in nanoseconds since the epoch
 */
public record PendingDelivery(long consumerSequence, long timestamp) {
}
