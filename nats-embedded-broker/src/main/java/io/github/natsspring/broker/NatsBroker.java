package io.github.natsspring.broker;

import java.util.List;
import java.util.Objects;

import io.github.natsspring.broker.jetstream.JetStreamService;
import io.github.natsspring.broker.server.BrokerServer;

/**
 * A NATS server speaking the client protocol on one TCP port, and to clients in the same JVM through an in-JVM
 * listener when {@linkplain NatsBrokerOptions.Builder#inJvmName(String) named}, for embedding in an application.
 *
 * <pre>{@code
 * try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
 *     broker.start();
 *     Connection nc = Nats.connect(broker.getClientUrl());
 * }
 * }</pre>
 *
 * Each instance owns its event loops and state, so several brokers can run in one JVM. A stopped broker can be
 * started again; it then gets a new server id. Thread-safe.
 */
public final class NatsBroker implements AutoCloseable {

	/**
	 * The nats-server version this broker reports in INFO. Clients pick protocol features by this number, so it
	 * names the release whose client protocol the broker matches (and is tested against), not this project's version.
	 */
	public static final String PROTOCOL_COMPATIBLE_VERSION = BrokerServer.PROTOCOL_COMPATIBLE_VERSION;

	private NatsBrokerOptions options;

	private BrokerServer server;

	public NatsBroker(NatsBrokerOptions options) {
		this.options = Objects.requireNonNull(options, "options");
	}

	/** The options this broker was created with, or last reloaded with. */
	public synchronized NatsBrokerOptions getOptions() {
		return this.options;
	}

	/**
	 * Binds the port and starts accepting clients; returns once listening.
	 * @throws NatsBrokerException if the port cannot be bound or the broker is already running; a
	 * {@link PortInUseException} if another process holds the port
	 */
	public synchronized void start() {
		if (isRunning()) {
			throw new NatsBrokerException("Broker is already running on port " + this.server.port());
		}
		this.server = BrokerServer.start(this.options);
	}

	/** Whether the broker is accepting clients or still serving them. */
	public synchronized boolean isRunning() {
		return this.server != null && !this.server.isStopped();
	}

	/** The port actually bound (the chosen one when configured with port 0); 0 when the TCP listener is off. */
	public synchronized int getPort() {
		return running().port();
	}

	/**
	 * The cluster port actually bound (the chosen one when {@link BrokerCluster#port()} is 0), which other servers'
	 * routes connect to.
	 * @return the cluster port
	 * @throws IllegalStateException if the broker is not running or has no {@link NatsBrokerOptions#cluster()}
	 */
	public synchronized int getClusterPort() {
		return running().clusterPort();
	}

	/**
	 * The HTTP monitoring port actually bound (the chosen one when configured with port 0).
	 * @return the port serving {@code /varz}, {@code /connz} and the other endpoints
	 * @throws IllegalStateException if the broker is not running or monitoring is off
	 */
	public synchronized int getMonitoringPort() {
		return running().monitoringPort();
	}

	/**
	 * The URL clients connect to over TCP, e.g. {@code nats://127.0.0.1:4222}.
	 * @throws IllegalStateException when the TCP listener is off or the broker is not running
	 */
	public synchronized String getClientUrl() {
		return running().clientUrl();
	}

	/**
	 * The URL clients in this JVM connect to without TCP, e.g. {@code nats://orders-broker}, given to jnats with
	 * {@code Options.Builder.dataPortType(InJvmDataPort.class.getName())}
	 * ({@link io.nats.client.impl.InJvmDataPort}).
	 * @throws IllegalStateException when the broker has no in-JVM listener or is not running
	 */
	public synchronized String getInJvmClientUrl() {
		return running().inJvmClientUrl();
	}

	/** The unique id generated for this server, sent as {@code server_id} in INFO. */
	public synchronized String getServerId() {
		return running().serverId();
	}

	/** The name sent as {@code server_name} in INFO: the configured one, else the server id. */
	public synchronized String getServerName() {
		return running().serverName();
	}

	/**
	 * Number of routes to other servers of the cluster registered right now.
	 * @return the route count; 0 when not running or not a cluster node
	 */
	public synchronized int getRouteCount() {
		return (this.server != null) ? this.server.routeCount() : 0;
	}

	/** Number of clients connected right now; 0 when not running. */
	public synchronized int getConnectionCount() {
		return this.server != null ? this.server.connectionCount() : 0;
	}

	/** Number of subscriptions across all clients; 0 when not running. */
	public synchronized int getSubscriptionCount() {
		return this.server != null ? this.server.subscriptionCount() : 0;
	}

	/**
	 * Server-wide figures: messages and bytes in and out, slow consumers, connections and subscriptions. Gathered
	 * from per-connection counters on each call, so reading them costs the message path nothing.
	 * @return a snapshot, all zero when not running
	 */
	public synchronized BrokerStatistics getStatistics() {
		return (this.server != null) ? this.server.statistics() : new BrokerStatistics(0, 0, 0, 0, 0, 0, 0, 0);
	}

	/**
	 * JetStream's figures, for a health check: streams, consumers, messages and bytes held (memory and file
	 * storage apart), the storage limits and where file streams are kept. Gathered on each call.
	 * @return a snapshot, or {@code null} when the broker is not running or runs without JetStream
	 */
	public synchronized JetStreamStatistics getJetStreamStatistics() {
		JetStreamService jetStream = (this.server != null) ? this.server.jetStream() : null;
		return (jetStream != null) ? jetStream.statistics() : null;
	}

	/**
	 * What the broker knows about each connected client: traffic, pending bytes, subscriptions, round trip.
	 * @return snapshots ordered by client id, empty when not running
	 */
	public synchronized List<ClientStatistics> getClientStatistics() {
		return (this.server != null) ? this.server.clientStatistics() : List.of();
	}

	/**
	 * Stops accepting clients, flushes what is queued to each connected client, closes them and releases
	 * threads, buffers and the port. Idempotent.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			BrokerServer stopping = this.server;
			this.server = null;
			stopping.shutdown();
		}
	}

	/**
	 * Lame-duck mode as in nats-server: the listener closes at once; after the grace period clients that
	 * support it are told with {@code INFO {"ldm":true}}, and all are closed gradually over the lame-duck
	 * duration; then the broker stops. Returns immediately.
	 */
	public synchronized void enterLameDuckMode() {
		running().enterLameDuckMode();
	}

	/**
	 * Closes every client connection while the broker goes on listening, as a network failure would: clients
	 * see their connection drop and may reconnect at once. What is queued for each client is flushed first.
	 * @return the number of connections closed
	 * @throws IllegalStateException if the broker is not running
	 */
	public synchronized int disconnectClients() {
		return running().disconnectClients();
	}

	/**
	 * Puts new options in force while running, as nats-server's configuration reload (SIGHUP) does: authorization
	 * (users, nkeys, permissions, token, timeout), TLS (files re-read, timeout), logging and the limits
	 * {@code max_connections}, {@code max_control_line}, {@code max_payload}, {@code ping_interval},
	 * {@code ping_max} and {@code write_deadline} change; connected clients whose credentials no longer hold are
	 * closed with {@code Authorization Violation}, and subscriptions their new permissions forbid are removed.
	 * Other changes (host, port, server name, max pending, max subscriptions, lame duck, I/O threads) are refused
	 * and nothing changes. The options returned by {@link #getOptions()} become the new ones.
	 * @param options the new options
	 * @throws NatsBrokerException with nats-server's message, e.g.
	 * {@code config reload not supported for ServerName: old=a, new=b}
	 * @throws IllegalStateException if the broker is not running
	 */
	public synchronized void reload(NatsBrokerOptions options) {
		Objects.requireNonNull(options, "options");
		running().reload(options);
		this.options = options;
	}

	/** Same as {@link #stop()}. */
	@Override
	public void close() {
		stop();
	}

	private BrokerServer running() {
		if (!isRunning()) {
			throw new IllegalStateException("Broker is not running");
		}
		return this.server;
	}
}
