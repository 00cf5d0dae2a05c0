package io.github.natsspring.bench.goload;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON line {@code natsload} prints for one run. Counts are deliveries: with fan-out every subscriber's copy
 * counts, so {@code expected} is published × subscribers.
 *
 * @param mode the load's mode: {@code publish}, {@code pubsub}, {@code overload}, {@code request},
 * {@code js-publish}, {@code js-publish-async} or {@code js-consume}
 * @param payloadSize the payload size in bytes
 * @param subscribers the subscriber connections
 * @param published messages published (requests sent)
 * @param expected deliveries due (for publish-only 0)
 * @param delivered deliveries counted at the subscribers (for publish-only: messages the server acknowledged
 * reading; for requests: replies received; for JetStream publishing: PubAcks received; for JetStream consuming:
 * messages fetched and acked)
 * @param lost deliveries due that never arrived (for requests: timeouts)
 * @param elapsedNanos time from the first publish to the last delivery (or the final flush's {@code PONG})
 * @param msgsPerSecond delivered messages per second over that time
 * @param requests requests sent, request mode only
 * @param timeouts requests that got no reply, request mode only
 * @param p50Micros median round trip, request mode only
 * @param p99Micros 99th percentile round trip, request mode only
 * @param p999Micros 99.9th percentile round trip, request mode only
 * @param subscriberCutOffs times the server closed a subscriber connection under the client
 * @param disconnects times any connection of the run was closed by the server
 * @param reconnects times a connection came back
 * @param asyncErrors asynchronous errors the client reported
 * @param slowConsumer whether any error named a slow consumer (the server's {@code -ERR} or the client's own)
 * @param clientDropped messages the client library dropped over its own pending limits
 * @param lastError the last error the connections saw, or {@code null}
 * @param error why the run failed, or {@code null} when it completed
 */
public record GoLoadReport(String mode, int payloadSize, int subscribers, long published, long expected,
		long delivered, long lost, long elapsedNanos, double msgsPerSecond, long requests, long timeouts,
		double p50Micros, double p99Micros, double p999Micros, long subscriberCutOffs, long disconnects,
		long reconnects, long asyncErrors, boolean slowConsumer, long clientDropped, String lastError,
		String error) {

	// Fields the generator leaves out (the request figures of a throughput run) read as 0, and new ones are ignored.
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/**
	 * Parses the generator's result line.
	 * @param line the JSON line
	 * @return the report
	 * @throws IllegalStateException when the line is missing, is not a result, or reports that the run failed
	 */
	public static GoLoadReport parse(String line) {
		if (line == null || line.isBlank()) {
			throw new IllegalStateException("natsload printed no result line");
		}
		GoLoadReport report;
		try {
			report = JSON.readValue(line, GoLoadReport.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("natsload printed something other than a result: " + line, ex);
		}
		if (report.error() != null) {
			throw new IllegalStateException("natsload failed: " + report.error());
		}
		if (report.mode() == null) {
			throw new IllegalStateException("natsload printed a line without a mode: " + line);
		}
		return report;
	}

}
