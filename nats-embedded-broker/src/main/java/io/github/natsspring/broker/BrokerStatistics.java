package io.github.natsspring.broker;

/**
 * Server-wide figures of a running broker, gathered on request from per-connection counters (the message path
 * updates no shared counter), with nats-server's {@code /varz} meanings.
 *
 * @param inMessages messages received from clients
 * @param inBytes payload bytes (headers included) received from clients
 * @param outMessages messages delivered to clients
 * @param outBytes payload bytes (headers included) delivered to clients
 * @param slowConsumers clients cut off for falling behind (max pending or write deadline)
 * @param connections clients connected now
 * @param totalConnections clients accepted since start
 * @param subscriptions subscriptions held now
 */
public record BrokerStatistics(long inMessages, long inBytes, long outMessages, long outBytes, long slowConsumers,
		int connections, long totalConnections, int subscriptions) {
}
