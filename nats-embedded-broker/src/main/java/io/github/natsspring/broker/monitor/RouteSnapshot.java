package io.github.natsspring.broker.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One route as {@code /routez} shows it, with nats-server's {@code RouteInfo} fields.
 *
 * @param rid the route's connection id
 * @param remoteId the peer's server id
 * @param didSolicit whether this server dialled the route
 * @param isConfigured whether the route is one of the configured ones
 * @param ip the peer's address
 * @param port the peer's TCP port
 * @param start when the route connected
 * @param lastActivity when the route last carried something
 * @param rtt the last measured round trip, or {@code null}
 * @param pendingBytes bytes queued for the peer
 * @param inMessages messages received from the peer
 * @param outMessages messages sent to the peer
 * @param inBytes bytes of messages received
 * @param outBytes bytes of messages sent
 * @param subjects the subjects of the peer's interest
 */
public record RouteSnapshot(long rid, String remoteId, boolean didSolicit, boolean isConfigured, String ip, int port,
		Instant start, Instant lastActivity, Duration rtt, long pendingBytes, long inMessages, long outMessages,
		long inBytes, long outBytes, List<String> subjects) {

	/**
	 * Copies the subjects.
	 */
	public RouteSnapshot {
		subjects = List.copyOf(subjects);
	}
}
