package io.github.natsspring.broker.interop.cluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes dying and coming back, on every topology: gossip keeps the joiners routed to each other without the
 * seed, jnats fails over to a node it learned from {@code connect_urls}, and a restarted node rejoins the mesh.
 */
class ClusterFailoverTests extends ClusterScenario {

	private static final int SEED = 0;

	private static final int JOINER = 1;

	private static final int LAST_JOINER = NODES - 1;

	@ClusterTest
	void joinersRoutedToEachOtherThroughGossipKeepTalkingWithoutTheSeedAndDialItWhenItComesBack(
			ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		assertThat(cluster.node(LAST_JOINER).spec().routes())
			.containsExactly(URI.create(cluster.node(SEED).spec().ports().routeUrl()));

		cluster.kill(SEED);

		cluster.awaitRoutes();
		Connection joiner = connect(cluster.node(JOINER));
		Connection lastJoiner = connect(cluster.node(LAST_JOINER));
		assertMessagesFlow(joiner, lastJoiner);
		assertMessagesFlow(lastJoiner, joiner);

		cluster.restart(SEED);

		cluster.awaitFullMesh();
		Connection seed = connect(cluster.node(SEED));
		for (Connection each : List.of(joiner, lastJoiner)) {
			assertMessagesFlow(seed, each);
			assertMessagesFlow(each, seed);
		}
	}

	@ClusterTest
	void clientFailsOverToANodeItLearnedAboutAndItsSubscriptionsFollow(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Queue<ConnectionListener.Events> events = new ConcurrentLinkedQueue<>();
		Connection subscriber = connect(options(cluster.node(LAST_JOINER))
			.connectionListener((connection, event) -> events.add(event)));
		Received received = new Received();
		subscriber.createDispatcher(received).subscribe("survives.failover");
		assertThat(subscriber.getServers()).hasSizeGreaterThanOrEqualTo(NODES);
		Connection publisher = connect(cluster.node(SEED));

		cluster.kill(LAST_JOINER);

		await().atMost(TIMEOUT).until(() -> events.contains(ConnectionListener.Events.RECONNECTED));
		assertThat(URI.create(subscriber.getConnectedUrl()).getPort())
			.isNotEqualTo(cluster.node(LAST_JOINER).spec().ports().client());
		awaitInterest(subscriber, List.of(publisher));
		publisher.publish("survives.failover", "after".getBytes(StandardCharsets.UTF_8));
		await().atMost(TIMEOUT).until(() -> received.count() == 1);
		assertThat(received.texts()).containsExactly("after");
	}

	@ClusterTest
	void killedNodeRejoinsWhenRestartedAndClientsAreToldBothTimes(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Connection watcher = connect(cluster.node(SEED));
		String lastJoinerUrl = "127.0.0.1:" + cluster.node(LAST_JOINER).spec().ports().client();
		assertThat(watcher.getServerInfo().getConnectURLs()).contains(lastJoinerUrl);

		cluster.kill(LAST_JOINER);

		cluster.awaitRoutes();
		await().atMost(TIMEOUT).until(() -> !watcher.getServerInfo().getConnectURLs().contains(lastJoinerUrl));
		Received heldWhileDown = new Received();
		Dispatcher held = watcher.createDispatcher(heldWhileDown);
		List<String> subjects = IntStream.range(0, 2_000).mapToObj(i -> "held." + i).toList();
		subjects.forEach(held::subscribe);
		watcher.flush(TIMEOUT);

		cluster.restart(LAST_JOINER);

		cluster.awaitFullMesh();
		await().atMost(TIMEOUT).until(() -> watcher.getServerInfo().getConnectURLs().contains(lastJoinerUrl));
		Connection rejoined = connect(cluster.node(LAST_JOINER));
		// interest that existed before the route did is sent when the route registers
		awaitInterest(watcher, List.of(rejoined));
		subjects.forEach(subject -> rejoined.publish(subject, subject.getBytes(StandardCharsets.UTF_8)));
		await().atMost(TIMEOUT).until(() -> heldWhileDown.count() == subjects.size());
		assertThat(heldWhileDown.texts()).containsExactlyElementsOf(subjects);
		for (int node = 0; node < LAST_JOINER; node++) {
			Connection other = connect(cluster.node(node));
			assertMessagesFlow(rejoined, other);
			assertMessagesFlow(other, rejoined);
		}
	}

	@ClusterTest
	void nodeInLameDuckModeDropsOutOfItsPeersClientUrlsAndTellsItsClients(ClusterTopology topology)
			throws Exception {
		TestCluster cluster = cluster(topology);
		Connection watcher = connect(cluster.node(SEED));
		Queue<ConnectionListener.Events> events = new ConcurrentLinkedQueue<>();
		connect(options(cluster.node(LAST_JOINER)).connectionListener((connection, event) -> events.add(event)));
		String lastJoinerUrl = "127.0.0.1:" + cluster.node(LAST_JOINER).spec().ports().client();
		assertThat(watcher.getServerInfo().getConnectURLs()).contains(lastJoinerUrl);

		try {
			cluster.node(LAST_JOINER).enterLameDuckMode();

			await().atMost(TIMEOUT).until(() -> events.contains(ConnectionListener.Events.LAME_DUCK));
			await().atMost(TIMEOUT).until(() -> !watcher.getServerInfo().getConnectURLs().contains(lastJoinerUrl));
		}
		finally {
			// it would close its clients over the next minutes: the next test gets it restarted instead
			cluster.kill(LAST_JOINER);
		}
	}
}
