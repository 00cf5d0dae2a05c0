package io.github.natsspring.broker.jetstream;

/**
 * What JetStream holds right now, as account info and {@code /jsz} report it.
 *
 * @param streams how many streams
 * @param consumers how many consumers across them
 * @param messages how many messages across them
 * @param bytes how many bytes across them
 * @param memory the bytes of memory streams
 * @param storage the bytes of file streams
 */
public record JetStreamUsage(int streams, int consumers, long messages, long bytes, long memory, long storage) {
}
