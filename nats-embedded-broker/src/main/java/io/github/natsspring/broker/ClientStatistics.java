package io.github.natsspring.broker;

import java.time.Duration;
import java.time.Instant;

/**
 * What a broker knows about one connected client, with nats-server's {@code /connz} meanings; a snapshot.
 *
 * @param id the client id ({@code cid})
 * @param name the name the client gave in CONNECT, or {@code null}
 * @param lang the client library's language, or {@code null}
 * @param version the client library's version, or {@code null}
 * @param user the user it authenticated as, or {@code null}
 * @param ip the client's address
 * @param port the client's port
 * @param start when the connection was accepted
 * @param lastActivity when the client last sent something
 * @param roundTrip the round trip of the server's last answered PING, or {@code null} before the first
 * @param inMessages messages the client published
 * @param inBytes payload bytes the client published
 * @param outMessages messages delivered to the client
 * @param outBytes payload bytes delivered to the client
 * @param pendingBytes bytes queued for the client or being written to it
 * @param subscriptions subscriptions the client holds
 */
public record ClientStatistics(long id, String name, String lang, String version, String user, String ip, int port,
		Instant start, Instant lastActivity, Duration roundTrip, long inMessages, long inBytes, long outMessages,
		long outBytes, long pendingBytes, int subscriptions) {
}
