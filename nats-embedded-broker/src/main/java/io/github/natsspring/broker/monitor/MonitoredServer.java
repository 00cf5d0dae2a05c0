package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.broker.BrokerStatistics;
import io.github.natsspring.broker.JetStreamStatistics;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.subject.TrieStatistics;

/**
 * What the monitoring endpoints read from the running broker. Figures are gathered when asked, from the threads
 * that own them, so the message path pays nothing for monitoring.
 */
public interface MonitoredServer {

	/**
	 * The server id.
	 * @return the id sent in INFO
	 */
	String serverId();

	/**
	 * The server name.
	 * @return the configured name, else the server id
	 */
	String serverName();

	/**
	 * The options in force.
	 * @return the options
	 */
	NatsBrokerOptions options();

	/**
	 * The client port bound.
	 * @return the port
	 */
	int port();

	/**
	 * The monitoring port bound.
	 * @return the port
	 */
	int monitoringPort();

	/**
	 * When the server started.
	 * @return the start time
	 */
	Instant startTime();

	/**
	 * When the configuration was last loaded: at start, or at the last reload.
	 * @return the load time
	 */
	Instant configLoadTime();

	/**
	 * Server-wide traffic and connection figures.
	 * @return a snapshot
	 */
	BrokerStatistics statistics();

	/**
	 * Every open client connection, each taken on its own event loop.
	 * @return the connections, by id, once every event loop answered
	 */
	CompletableFuture<List<ConnectionInfo>> openConnections();

	/**
	 * The recently closed connections.
	 * @return the closed connections, oldest first
	 */
	List<ConnectionInfo> closedConnections();

	/**
	 * The accounts and the figures of their subscription tries.
	 * @return by account name, in the order nats-server lists them
	 */
	Map<String, TrieStatistics> accounts();

	/**
	 * The number of client connections bound to an account.
	 * @param account the account's name
	 * @return the connection count
	 */
	int connectionCount(String account);

	/**
	 * The cluster's registered routes, each taken on its own event loop.
	 * @return the routes by id, empty for a broker that is not a cluster node
	 */
	CompletableFuture<List<RouteSnapshot>> routes();

	/**
	 * The number of registered routes.
	 * @return the route count
	 */
	int routeCount();

	/**
	 * The cluster port bound.
	 * @return the port, 0 for a broker that is not a cluster node
	 */
	int clusterPort();

	/**
	 * The cluster's name in force.
	 * @return the name, or {@code null} for a broker that is not a cluster node
	 */
	String clusterName();

	/**
	 * JetStream's figures.
	 * @return the statistics, or {@code null} when JetStream is off
	 */
	JetStreamStatistics jetStream();
}
