package io.github.natsspring.test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.NUID;
import io.nats.client.Subscription;

/**
 * The brokers of an {@link EmbeddedNats @EmbeddedNats(clusterSize = n)} test: n {@link EmbeddedNatsServer nodes}
 * on random loopback ports, routed to each other as one nats-server cluster (full mesh), and fault injection per
 * node. Each node keeps its client and cluster ports across restarts and dials the cluster ports of the others, so
 * a restarted node rejoins where it was. Starting returns once every running node routes to every other one.
 * Thread-safe.
 */
public final class EmbeddedNatsCluster implements AutoCloseable {

	/** How long a start waits for the routes between the nodes. */
	static final Duration ROUTES_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration PROBE_WAIT = Duration.ofMillis(50);

	private final String name = "embedded-" + UUID.randomUUID().toString().substring(0, 8);

	private final EmbeddedNatsSettings settings;

	private final List<EmbeddedNatsServer> nodes;

	/**
	 * Creates a cluster whose nodes are not started yet.
	 * @param settings what every node is to require and allow, and how many nodes there are
	 * @throws IllegalArgumentException if the settings ask for fewer than 2 nodes
	 */
	public EmbeddedNatsCluster(EmbeddedNatsSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		if (!settings.isCluster()) {
			throw new IllegalArgumentException(
					"A cluster needs at least 2 nodes, not " + settings.clusterSize() + ": set clusterSize");
		}
		this.nodes = IntStream.range(0, settings.clusterSize())
			.mapToObj((index) -> new EmbeddedNatsServer(settings, this, index))
			.toList();
	}

	/**
	 * Starts every node that is not running and waits until all route to each other. When that fails, every node
	 * is stopped again.
	 * @throws IllegalStateException if the routes are not all up within 10 seconds
	 * @throws io.github.natsspring.broker.NatsBrokerException if a node's ports cannot be bound
	 */
	public synchronized void start() {
		try {
			for (EmbeddedNatsServer node : this.nodes) {
				if (!node.isRunning()) {
					node.start();
				}
			}
			awaitRoutes();
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	/** Stops every node. Idempotent. */
	public synchronized void stop() {
		this.nodes.forEach(EmbeddedNatsServer::stop);
	}

	/**
	 * Starts a stopped node again on its ports and waits until it routes to every other running node.
	 * @param index the node, from 0
	 * @throws IllegalStateException if it is running already, or its routes are not up within 10 seconds
	 */
	public synchronized void start(int index) {
		getNode(index).start();
		awaitRoutes();
	}

	/**
	 * Stops a node: its clients fail over to the others, which drop their routes to it. Idempotent.
	 * @param index the node, from 0
	 */
	public synchronized void stop(int index) {
		getNode(index).stop();
	}

	/**
	 * Stops a node if it is running, starts it again on its ports and waits until it routes to every other running
	 * node.
	 * @param index the node, from 0
	 */
	public synchronized void restart(int index) {
		getNode(index).stop();
		start(index);
	}

	/**
	 * Whether every node is running.
	 * @return {@code true} when no node is stopped
	 */
	public boolean isRunning() {
		return this.nodes.stream().allMatch(EmbeddedNatsServer::isRunning);
	}

	/**
	 * One node.
	 * @param index the node, from 0
	 * @return the node
	 * @throws IndexOutOfBoundsException if there is no such node
	 */
	public EmbeddedNatsServer getNode(int index) {
		return this.nodes.get(index);
	}

	/**
	 * Every node, in order.
	 * @return the nodes
	 */
	public List<EmbeddedNatsServer> getNodes() {
		return this.nodes;
	}

	/**
	 * How many nodes the cluster has.
	 * @return the number of nodes
	 */
	public int size() {
		return this.nodes.size();
	}

	/**
	 * The name every node gives the cluster.
	 * @return the cluster name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The settings every node runs with.
	 * @return the settings
	 */
	public EmbeddedNatsSettings getSettings() {
		return this.settings;
	}

	/**
	 * The client URLs of every node, in order.
	 * @return e.g. {@code [nats://127.0.0.1:41873, nats://127.0.0.1:39211]}
	 * @throws IllegalStateException before the first start
	 */
	public List<String> getUrls() {
		return this.nodes.stream().map(EmbeddedNatsServer::getUrl).toList();
	}

	/**
	 * jnats options naming every node, with the credentials and the quick reconnect of
	 * {@link EmbeddedNatsServer#connectionOptions()}: a connection fails over to another node when its own stops.
	 * @return a builder to complete
	 */
	public Options.Builder connectionOptions() {
		Options.Builder options = getNode(0).connectionOptions();
		for (int i = 1; i < this.nodes.size(); i++) {
			options.server(getNode(i).getUrl());
		}
		return options;
	}

	/**
	 * A new jnats connection with {@link #connectionOptions()}; the caller closes it.
	 * @return the connection
	 * @throws IOException if no node can be reached
	 * @throws InterruptedException if interrupted while connecting
	 */
	public Connection connect() throws IOException, InterruptedException {
		return Nats.connect(connectionOptions().build());
	}

	/**
	 * Waits until every running node routes to every other running node: a message published on each reaches a
	 * subscriber on each other one. For tests that stop and start nodes through {@link #getNode(int)}.
	 * @throws IllegalStateException if the routes are not all up within 10 seconds
	 */
	public void awaitRoutes() {
		List<EmbeddedNatsServer> running = this.nodes.stream().filter(EmbeddedNatsServer::isRunning).toList();
		if (running.size() < 2) {
			return;
		}
		List<Connection> connections = new ArrayList<>();
		try {
			for (EmbeddedNatsServer node : running) {
				connections.add(Nats.connect(node.connectionOptions().ignoreDiscoveredServers().noReconnect().build()));
			}
			new RouteProbe(connections, System.nanoTime() + ROUTES_TIMEOUT.toNanos()).await();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot connect to a node of the embedded NATS cluster to check its"
					+ " routes: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the embedded NATS cluster's routes", ex);
		}
		finally {
			for (Connection connection : connections) {
				closeQuietly(connection);
			}
		}
	}

	/**
	 * The cluster ports of the other nodes that have started at least once, for a node to dial.
	 * @param index the node that dials
	 * @return the route URLs
	 */
	List<URI> routesOf(int index) {
		List<URI> routes = new ArrayList<>();
		for (int i = 0; i < this.nodes.size(); i++) {
			int clusterPort = this.nodes.get(i).knownClusterPort();
			if (i != index && clusterPort != 0) {
				routes.add(URI.create("nats-route://127.0.0.1:" + clusterPort));
			}
		}
		return routes;
	}

	/** Same as {@link #stop()}. */
	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return "EmbeddedNatsCluster[" + this.name + ", " + this.nodes + "]";
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Publishes from each node to a subscriber on each other one until it arrives, which takes the routes both ways.
	 */
	private record RouteProbe(List<Connection> connections, long deadline) {

		void await() throws InterruptedException {
			String prefix = "_EMBEDDED_NATS.ROUTES." + NUID.nextGlobal();
			List<Subscription> subscriptions = new ArrayList<>();
			for (int i = 0; i < this.connections.size(); i++) {
				subscriptions.add(this.connections.get(i).subscribe(prefix + "." + i + ".*"));
			}
			for (Connection connection : this.connections) {
				flush(connection);
			}
			for (int to = 0; to < this.connections.size(); to++) {
				for (int from = 0; from < this.connections.size(); from++) {
					if (from != to) {
						awaitDelivery(subscriptions.get(to), this.connections.get(from), prefix + "." + to + "." + from,
								from, to);
					}
				}
			}
		}

		// earlier probes of another pair may still arrive: only this pair's subject counts
		private void awaitDelivery(Subscription subscription, Connection from, String subject, int fromIndex,
				int toIndex) throws InterruptedException {
			while (System.nanoTime() < this.deadline) {
				from.publish(subject, null);
				Message message = subscription.nextMessage(PROBE_WAIT);
				while (message != null) {
					if (message.getSubject().equals(subject)) {
						return;
					}
					message = subscription.nextMessage(Duration.ofMillis(1));
				}
			}
			throw new IllegalStateException("The nodes of the embedded NATS cluster did not route to each other within "
					+ ROUTES_TIMEOUT.toSeconds() + "s: messages published on node " + fromIndex
					+ " do not reach node " + toIndex);
		}

		private static void flush(Connection connection) throws InterruptedException {
			try {
				connection.flush(ROUTES_TIMEOUT);
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("A node of the embedded NATS cluster did not answer a flush", ex);
			}
		}
	}
}
