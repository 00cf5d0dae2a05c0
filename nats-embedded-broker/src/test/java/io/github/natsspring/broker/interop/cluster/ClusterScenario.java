package io.github.natsspring.broker.interop.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.NUID;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the cluster scenarios. One three-node cluster per topology is shared by the tests of a class: a test
 * may kill nodes, and they are started again (or, if that fails, the cluster is replaced) before the next test
 * gets it. jnats connections live for one test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class ClusterScenario {

	/** Three nodes: the smallest cluster where gossip and the one-hop rule show. */
	static final int NODES = 3;

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<ClusterTopology, TestCluster> clusters = new EnumMap<>(ClusterTopology.class);

	private final Map<ClusterTopology, Throwable> failedStarts = new EnumMap<>(ClusterTopology.class);

	private final Deque<AutoCloseable> connections = new ArrayDeque<>();

	/** The topology's cluster, a full mesh of {@value #NODES} running nodes. */
	protected TestCluster cluster(ClusterTopology topology) throws Exception {
		Throwable failedStart = failedStarts.get(topology);
		if (failedStart != null) {
			throw new AssertionError("the " + topology + " cluster did not form for an earlier test", failedStart);
		}
		TestCluster cluster = clusters.get(topology);
		if (cluster == null) {
			try {
				cluster = startCluster(topology);
			}
			catch (Exception | AssertionError ex) {
				// waiting for a mesh that did not form once would only make every later test wait as long
				failedStarts.put(topology, ex);
				throw ex;
			}
			clusters.put(topology, cluster);
		}
		else {
			cluster.ensureFullMesh();
		}
		return cluster;
	}

	/** Starts the cluster the tests of this class share for the topology. */
	protected TestCluster startCluster(ClusterTopology topology) throws Exception {
		return TestCluster.builder(topology).size(NODES).start();
	}

	/** jnats options for a client of this node that keeps reconnecting quickly. */
	protected Options.Builder options(ClusterNode node) {
		return Options.builder()
			.server(node.clientUrl())
			.connectionTimeout(Duration.ofSeconds(5))
			.maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(50));
	}

	/** A jnats connection to this node; closed when the test ends. */
	protected Connection connect(ClusterNode node) throws Exception {
		return connect(options(node));
	}

	/** A jnats connection built from these options; closed when the test ends. */
	protected Connection connect(Options.Builder options) throws Exception {
		Connection connection = Nats.connect(options.build());
		connections.push(connection);
		return connection;
	}

	/**
	 * Returns once the servers of all publishers know every interest the subscriber registered so far. A node
	 * sends a client's interest to a route in the order the client subscribed, so once a probe subscribed last
	 * hears from a publisher's node, that node has the earlier subscriptions too.
	 */
	protected void awaitInterest(Connection subscriber, List<Connection> publishers) throws Exception {
		String subject = "_PROBE." + NUID.nextGlobal();
		Set<Integer> heard = ConcurrentHashMap.newKeySet();
		Dispatcher probe = subscriber
			.createDispatcher(message -> heard.add(Integer.parseInt(new String(message.getData(), StandardCharsets.UTF_8))));
		probe.subscribe(subject);
		subscriber.flush(TIMEOUT);
		await().atMost(TestCluster.MESH_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
			for (int i = 0; i < publishers.size(); i++) {
				if (!heard.contains(i)) {
					publishers.get(i).publish(subject, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
				}
			}
			return heard.size() == publishers.size();
		});
		subscriber.closeDispatcher(probe);
	}

	/** One connection to each running node of the cluster, in node order; closed when the test ends. */
	protected List<Connection> connectToEachNode(TestCluster cluster) throws Exception {
		List<Connection> each = new ArrayList<>();
		for (int i = 0; i < cluster.size(); i++) {
			if (cluster.node(i).isRunning()) {
				each.add(connect(cluster.node(i)));
			}
		}
		return each;
	}

	/** Asserts that ten messages from the publisher reach a new subscription of the subscriber, once and in order. */
	protected void assertMessagesFlow(Connection publisher, Connection subscriber) throws Exception {
		String subject = "flow." + NUID.nextGlobal();
		Received received = new Received();
		subscriber.createDispatcher(received).subscribe(subject);
		awaitInterest(subscriber, List.of(publisher));
		List<String> sent = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
		for (String text : sent) {
			publisher.publish(subject, text.getBytes(StandardCharsets.UTF_8));
		}
		publisher.flush(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> received.count() >= sent.size());
		assertThat(received.texts()).as("from %s to %s", publisher.getConnectedUrl(), subscriber.getConnectedUrl())
			.isEqualTo(sent);
	}

	@AfterEach
	void closeConnectionsAndRestoreClusters() throws Exception {
		while (!connections.isEmpty()) {
			connections.pop().close();
		}
		for (Map.Entry<ClusterTopology, TestCluster> entry : Map.copyOf(clusters).entrySet()) {
			try {
				entry.getValue().restoreAll();
			}
			catch (Exception | AssertionError ex) {
				// a cluster that cannot heal would fail every later test: the next one starts afresh
				clusters.remove(entry.getKey());
				entry.getValue().close();
				throw ex;
			}
		}
	}

	@AfterAll
	void closeClusters() throws Exception {
		for (TestCluster cluster : clusters.values()) {
			cluster.close();
		}
		clusters.clear();
	}
}
