package io.github.natsspring.actuate;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.nats.client.Connection;
import io.nats.client.Statistics;
import io.nats.client.api.ServerInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code nats} endpoint: the connection (status, URL, the server it is connected to and its cluster, its
 * traffic) and, in embedded mode, the broker (identity, port, clients, subscriptions, traffic, its cluster port and
 * routes). Health stays with the health
 * indicator; this shows the figures behind it.
 */
@Endpoint(id = "nats")
public class NatsEndpoint {

	private final Connection connection;

	private final @Nullable Supplier<@Nullable BrokerDescriptor> broker;

	/**
	 * Creates the endpoint.
	 * @param connection the connection to describe
	 * @param broker describes the embedded broker, or {@code null} in remote mode
	 */
	public NatsEndpoint(Connection connection, @Nullable Supplier<@Nullable BrokerDescriptor> broker) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.broker = broker;
	}

	/**
	 * Describes the connection and, in embedded mode, the broker.
	 * @return the description
	 */
	@ReadOperation
	public NatsDescriptor nats() {
		return new NatsDescriptor((this.broker != null) ? "embedded" : "remote", connection(),
				(this.broker != null) ? this.broker.get() : null);
	}

	private ConnectionDescriptor connection() {
		Connection.Status status = this.connection.getStatus();
		boolean connected = status == Connection.Status.CONNECTED;
		Statistics statistics = this.connection.getStatistics();
		ConnectionStatistics figures = new ConnectionStatistics(
				new Traffic(statistics.getInMsgs(), statistics.getOutMsgs(), statistics.getInBytes(),
						statistics.getOutBytes()),
				statistics.getReconnects(), statistics.getDroppedCount(),
				this.connection.outgoingPendingMessageCount(), this.connection.outgoingPendingBytes(),
				statistics.getRequestsSent(), statistics.getRepliesReceived());
		return new ConnectionDescriptor(status.name(), connected ? this.connection.getConnectedUrl() : null,
				connected ? server(this.connection.getServerInfo()) : null, figures);
	}

	private static @Nullable ServerDescriptor server(@Nullable ServerInfo info) {
		if (info == null) {
			return null;
		}
		return new ServerDescriptor(info.getServerId(), info.getServerName(), info.getVersion(), info.getHost(),
				info.getPort(), info.getMaxPayload(), info.isHeadersSupported(), info.isJetStreamAvailable(),
				info.getClientId(), info.getCluster(), info.getConnectURLs());
	}

	/**
	 * What the endpoint shows.
	 * @param mode {@code embedded} or {@code remote}
	 * @param connection the connection
	 * @param broker the embedded broker; {@code null} in remote mode or when it is not running
	 */
	public record NatsDescriptor(String mode, ConnectionDescriptor connection,
			@Nullable BrokerDescriptor broker) implements OperationResponseBody {
	}

	/**
	 * The connection.
	 * @param status jnats' connection status, e.g. {@code CONNECTED} or {@code RECONNECTING}
	 * @param url the URL of the server connected to, {@code null} unless connected
	 * @param server what that server said about itself, {@code null} unless connected
	 * @param statistics the connection's counters since it was created
	 */
	public record ConnectionDescriptor(String status, @Nullable String url, @Nullable ServerDescriptor server,
			ConnectionStatistics statistics) {
	}

	/**
	 * The server the connection is connected to, from its INFO.
	 * @param id the server id
	 * @param name the server name
	 * @param version the server version
	 * @param host the host the server listens on
	 * @param port the port the server listens on
	 * @param maxPayload the largest message the server accepts, in bytes
	 * @param headers whether the server supports headers
	 * @param jetStream whether JetStream is available
	 * @param clientId the id the server gave this connection
	 * @param cluster the name of the server's cluster, {@code null} unless it is a cluster node
	 * @param connectUrls the client URLs of the cluster's servers, which the connection fails over to; empty
	 * unless the server advertises them
	 */
	public record ServerDescriptor(String id, String name, String version, String host, int port, long maxPayload,
			boolean headers, boolean jetStream, int clientId, @Nullable String cluster, List<String> connectUrls) {
	}

	/**
	 * Messages and bytes one way and the other; "in" is what was received, "out" what was sent.
	 * @param inMessages messages in
	 * @param outMessages messages out
	 * @param inBytes bytes in
	 * @param outBytes bytes out
	 */
	public record Traffic(long inMessages, long outMessages, long inBytes, long outBytes) {
	}

	/**
	 * The connection's counters.
	 * @param traffic messages and bytes received from and sent to the server; jnats counts the protocol messages it
	 * sends (CONNECT, SUB, PING...) among those out
	 * @param reconnects reconnections to a server
	 * @param droppedMessages messages dropped because a subscription's pending limit was reached
	 * @param pendingMessages messages queued for the server, not yet written
	 * @param pendingBytes bytes queued for the server, not yet written
	 * @param requests requests sent
	 * @param replies replies received
	 */
	public record ConnectionStatistics(Traffic traffic, long reconnects, long droppedMessages, long pendingMessages,
			long pendingBytes, long requests, long replies) {
	}

	/**
	 * The embedded broker, with nats-server's {@code /varz} meanings.
	 * @param serverId the server id
	 * @param serverName the server name
	 * @param port the client port bound
	 * @param clientUrl the URL clients connect to
	 * @param connections clients connected now
	 * @param connectionsAccepted clients accepted since the broker started
	 * @param subscriptions subscriptions held now
	 * @param slowConsumers clients cut off for falling behind
	 * @param traffic messages and bytes received from clients and delivered to them
	 * @param cluster the broker as a cluster node, {@code null} unless it is one
	 */
	public record BrokerDescriptor(String serverId, String serverName, int port, String clientUrl, int connections,
			long connectionsAccepted, int subscriptions, long slowConsumers, Traffic traffic,
			@Nullable ClusterDescriptor cluster) {
	}

	/**
	 * The embedded broker as a node of a cluster.
	 * @param name the configured cluster name, {@code null} when generated (the connection's server shows the one
	 * in use)
	 * @param port the cluster port bound
	 * @param routes routes to other nodes registered now
	 */
	public record ClusterDescriptor(@Nullable String name, int port, int routes) {
	}
}
