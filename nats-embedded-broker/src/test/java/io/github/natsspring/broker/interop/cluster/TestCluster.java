package io.github.natsspring.broker.interop.cluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.NUID;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A cluster of nodes on loopback ports, node 0 the seed that every other node names as its only route. Its
 * {@link #builder(ClusterTopology) builder} returns it once it is a full mesh that carries traffic; nodes can
 * then be killed and started again on the same ports. Closing it kills every node.
 */
final class TestCluster implements AutoCloseable {

	/** How long a mesh gets to form: nats-server redials explicit routes once a second. */
	static final Duration MESH_TIMEOUT = Duration.ofSeconds(20);

	private static final Duration POLL = Duration.ofMillis(50);

	private final ClusterTopology topology;

	private final List<ClusterNode> nodes;

	private boolean carriesTraffic;

	private TestCluster(ClusterTopology topology, List<ClusterNode> nodes) {
		this.topology = topology;
		this.nodes = nodes;
	}

	/** A builder of a cluster of this topology: three nodes, one cluster name, no route authorization. */
	static Builder builder(ClusterTopology topology) {
		return new Builder(topology);
	}

	/** The topology the cluster was built with. */
	ClusterTopology topology() {
		return topology;
	}

	/** The number of nodes, running or not. */
	int size() {
		return nodes.size();
	}

	/** The node at this index; 0 is the seed. */
	ClusterNode node(int index) {
		return nodes.get(index);
	}

	/** Kills the node at this index. */
	void kill(int index) throws Exception {
		carriesTraffic = false;
		nodes.get(index).kill();
	}

	/** Starts the node at this index again on its ports, with a new server id. */
	void restart(int index) throws Exception {
		carriesTraffic = false;
		nodes.get(index).start();
	}

	/** Starts every killed node again and waits for the full mesh; does nothing when none was killed. */
	void restoreAll() throws Exception {
		if (running().size() == nodes.size()) {
			return;
		}
		for (ClusterNode node : nodes) {
			if (!node.isRunning()) {
				node.start();
			}
		}
		awaitFullMesh();
	}

	/**
	 * Waits until every running node holds exactly one route to every other running node, and a message
	 * published on each node reaches a subscriber on each other node.
	 */
	void awaitFullMesh() throws Exception {
		awaitRoutes();
		awaitTrafficBetweenAllNodes();
		carriesTraffic = true;
	}

	/**
	 * Waits for the full mesh; the traffic check is skipped when it passed since the last kill or restart, as
	 * routes that stayed up keep their interest.
	 */
	void ensureFullMesh() throws Exception {
		awaitRoutes();
		if (!carriesTraffic) {
			awaitTrafficBetweenAllNodes();
			carriesTraffic = true;
		}
	}

	/** Waits until every running node holds exactly one route to every other running node and to nothing else. */
	void awaitRoutes() throws Exception {
		try {
			await().atMost(MESH_TIMEOUT).pollInterval(POLL).ignoreExceptions().until(this::meshIsComplete);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("no full mesh of " + topology + " within " + MESH_TIMEOUT + ":\n" + describe(), ex);
		}
	}

	private boolean meshIsComplete() throws Exception {
		List<RouteTable> tables = new ArrayList<>();
		for (ClusterNode node : running()) {
			tables.add(node.routes());
		}
		Set<String> ids = tables.stream().map(RouteTable::serverId).collect(Collectors.toSet());
		for (RouteTable table : tables) {
			Set<String> peers = new HashSet<>(ids);
			peers.remove(table.serverId());
			if (!table.routesExactly(peers)) {
				return false;
			}
		}
		return true;
	}

	private void awaitTrafficBetweenAllNodes() throws Exception {
		List<ClusterNode> running = running();
		List<Connection> connections = new ArrayList<>();
		try {
			for (ClusterNode node : running) {
				connections.add(Nats.connect(
						Options.builder().server(node.clientUrl()).connectionTimeout(Duration.ofSeconds(5)).build()));
			}
			String prefix = "_MESH." + NUID.nextGlobal() + ".";
			List<Set<Integer>> heard = new ArrayList<>();
			for (int i = 0; i < connections.size(); i++) {
				Set<Integer> senders = ConcurrentHashMap.newKeySet();
				heard.add(senders);
				connections.get(i)
					.createDispatcher(message -> senders.add(Integer.parseInt(text(message.getData()))))
					.subscribe(prefix + i);
				connections.get(i).flush(Duration.ofSeconds(5));
			}
			await().atMost(MESH_TIMEOUT).pollInterval(POLL).until(() -> {
				for (int to = 0; to < connections.size(); to++) {
					for (int from = 0; from < connections.size(); from++) {
						if (from != to && !heard.get(to).contains(from)) {
							connections.get(from).publish(prefix + to, bytes(Integer.toString(from)));
						}
					}
				}
				return IntStream.range(0, heard.size()).allMatch(to -> heard.get(to).size() == heard.size() - 1);
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("routes of " + topology + " are up but carry no traffic within " + MESH_TIMEOUT
					+ ":\n" + describe(), ex);
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	private static String text(byte[] data) {
		return new String(data, StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private List<ClusterNode> running() {
		return nodes.stream().filter(ClusterNode::isRunning).toList();
	}

	/** Every node's routes and, where there is one, the tail of its log. */
	String describe() {
		StringBuilder text = new StringBuilder();
		for (ClusterNode node : nodes) {
			text.append(node).append(": ");
			if (!node.isRunning()) {
				text.append("killed\n");
				continue;
			}
			try {
				text.append(node.routes()).append('\n');
				node.log().ifPresent(log -> text.append(log.substring(Math.max(0, log.length() - 3000))).append('\n'));
			}
			catch (Exception ex) {
				text.append("unreadable: ").append(ex).append('\n');
			}
		}
		return text.toString();
	}

	@Override
	public void close() throws Exception {
		Exception failure = null;
		for (ClusterNode node : nodes) {
			try {
				node.close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public String toString() {
		return topology + " " + nodes;
	}

	/** Builder of {@link TestCluster}. */
	static final class Builder {

		private final ClusterTopology topology;

		private int size = 3;

		private RouteCredentials credentials;

		private boolean namedJoiners = true;

		private Builder(ClusterTopology topology) {
			this.topology = topology;
		}

		/** Sets the number of nodes (default 3). */
		Builder size(int size) {
			this.size = size;
			return this;
		}

		/** Makes every node require these credentials from routes and present them to its seed (default none). */
		Builder routeCredentials(RouteCredentials credentials) {
			this.credentials = credentials;
			return this;
		}

		/** Leaves the joiners without a cluster name, to adopt the seed's (default: all nodes named). */
		Builder unnamedJoiners() {
			this.namedJoiners = false;
			return this;
		}

		/** Starts the nodes, the seed first, and waits for the full mesh ({@link #awaitFullMesh()}). */
		TestCluster start() throws Exception {
			String clusterName = "interop-" + NUID.nextGlobalSequence();
			List<NodePorts> ports = NodePorts.free(size);
			String seedUrl = ports.get(0).routeUrl();
			List<URI> seed = List.of((credentials != null) ? credentials.on(seedUrl) : URI.create(seedUrl));
			List<ClusterNode> nodes = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				String name = String.valueOf((char) ('A' + i));
				NodeSpec spec = (i == 0) ? new NodeSpec(name, clusterName, ports.get(i), List.of(), credentials)
						: new NodeSpec(name, namedJoiners ? clusterName : null, ports.get(i), seed, credentials);
				nodes.add(topology.kindOf(i).create(spec));
			}
			TestCluster cluster = new TestCluster(topology, nodes);
			try {
				for (ClusterNode node : nodes) {
					node.start();
				}
				cluster.awaitFullMesh();
			}
			catch (Exception | AssertionError ex) {
				cluster.close();
				throw ex;
			}
			return cluster;
		}
	}
}
