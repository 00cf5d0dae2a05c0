package io.github.natsspring.broker;

import java.nio.file.Path;

/**
 * What a running broker's JetStream holds, gathered on request, with the meanings of nats-server's {@code /jsz}
 * and account info: for a health check or a dashboard.
 *
 * @param streams how many streams exist
 * @param consumers how many consumers exist across the streams
 * @param messages how many messages the streams hold
 * @param bytes how many bytes the streams hold, counted as nats-server counts them
 * @param memory the bytes held by memory streams
 * @param storage the bytes held by file streams
 * @param maxMemory the most bytes memory streams may hold: {@code max_memory_store}, or as nats-server when it is
 * unlimited, three quarters of the machine's memory
 * @param maxStorage the most bytes file streams may hold: {@code max_file_store}, or as nats-server when it is
 * unlimited, three quarters of the space available to the store directory
 * @param storeDirectory where file streams are kept: the {@code jetstream} directory inside the store directory
 * @param apiRequests JetStream API requests answered since start
 * @param apiErrors JetStream API requests answered with an error since start
 */
public record JetStreamStatistics(int streams, int consumers, long messages, long bytes, long memory, long storage,
		long maxMemory, long maxStorage, Path storeDirectory, long apiRequests, long apiErrors) {
}
