package io.github.natsspring.bench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.natsspring.bench.load.NatsClients;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.Subscription;

/**
 * Two processes of one server joined in a cluster on loopback with nats-server's flags: node A listens for routes
 * ({@code --cluster nats://127.0.0.1:<port> --cluster_name bench}), node B listens too and dials A
 * ({@code --routes nats://127.0.0.1:<A's route port>}). A load publishing on A and subscribing on B makes every
 * delivery cross the route between them.
 */
public final class ServerCluster implements AutoCloseable {

	/** The cluster name both nodes are started with. */
	public static final String NAME = "bench";

	private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration PROBE_WAIT = Duration.ofMillis(100);

	private static final String PROBE_SUBJECT = "bench.cluster.route";

	private final String label;

	private final ServerProcess nodeA;

	private final ServerProcess nodeB;

	private ServerCluster(String label, ServerProcess nodeA, ServerProcess nodeB) {
		this.label = label;
		this.nodeA = nodeA;
		this.nodeB = nodeB;
	}

	/**
	 * Starts both nodes and waits until a message published on A reaches a subscriber on B.
	 * @param command the server to start twice, without a configuration file
	 * @param logDirectory where the nodes' output goes
	 * @return the running cluster
	 * @throws IllegalStateException when a node does not start with the cluster flags or the route does not form
	 * within 30 s; both nodes are stopped then
	 * @throws Exception when the probe's connections fail
	 */
	public static ServerCluster start(ServerCommand command, Path logDirectory) throws Exception {
		int routePortA = ServerProcess.freePort();
		ServerProcess nodeA = startNode(command.withArguments(command.label() + " node A",
				List.of("--cluster", routeUrl(routePortA), "--cluster_name", NAME)), logDirectory);
		ServerProcess nodeB;
		try {
			nodeB = startNode(command.withArguments(command.label() + " node B", List.of("--cluster",
					routeUrl(ServerProcess.freePort()), "--cluster_name", NAME, "--routes", routeUrl(routePortA))),
					logDirectory);
		}
		catch (RuntimeException ex) {
			nodeA.close();
			throw ex;
		}
		ServerCluster cluster = new ServerCluster(command.label(), nodeA, nodeB);
		try {
			cluster.awaitRoute();
			return cluster;
		}
		catch (Exception ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * Returns the label of the server the nodes run, as in the report's columns.
	 * @return e.g. {@code nats-server} or {@code broker}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Returns the node a load's publisher connects to.
	 * @return node A, which B dialled
	 */
	public ServerProcess publishingNode() {
		return this.nodeA;
	}

	/**
	 * Returns the node a load's subscribers connect to.
	 * @return node B
	 */
	public ServerProcess subscribingNode() {
		return this.nodeB;
	}

	/**
	 * Returns both nodes.
	 * @return node A, then node B
	 */
	public List<ServerProcess> nodes() {
		return List.of(this.nodeA, this.nodeB);
	}

	/**
	 * Fails when either node has exited, quoting the end of its log.
	 */
	public void checkAlive() {
		this.nodeA.checkAlive();
		this.nodeB.checkAlive();
	}

	/**
	 * Stops both nodes, B first.
	 */
	@Override
	public void close() {
		this.nodeB.close();
		this.nodeA.close();
	}

	private static ServerProcess startNode(ServerCommand node, Path logDirectory) {
		try {
			return ServerProcess.start(node, logDirectory);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(node.label() + " did not start with nats-server's cluster flags ("
					+ String.join(" ", node.command()) + "); a server without cluster support rejects them: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Publishes on A until a message arrives at a subscriber on B: then the route is up and carries B's interest.
	 */
	private void awaitRoute() throws Exception {
		long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
		try (Connection subscriber = NatsClients.connect(this.nodeB.url(), "bench-route-probe-sub");
				Connection publisher = NatsClients.connect(this.nodeA.url(), "bench-route-probe-pub")) {
			Subscription subscription = subscriber.subscribe(PROBE_SUBJECT);
			subscriber.flush(ROUTE_TIMEOUT);
			while (System.nanoTime() - deadline < 0) {
				checkAlive();
				publisher.publish(PROBE_SUBJECT, new byte[0]);
				publisher.flush(ROUTE_TIMEOUT);
				if (subscription.nextMessage(PROBE_WAIT) != null) {
					return;
				}
			}
		}
		throw new IllegalStateException(this.label + " cluster: no message published on node A reached a subscriber"
				+ " on node B within " + ROUTE_TIMEOUT.toSeconds() + " s, the route did not form; logs " + this.nodeA.log()
				+ ", " + this.nodeB.log());
	}

	private static String routeUrl(int port) {
		return "nats://127.0.0.1:" + port;
	}

}
