package io.github.natsspring.test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.natsspring.broker.NatsBrokerException;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * {@code @EmbeddedNats(clusterSize = 3)} without Spring: three brokers routed to each other, reached through the
 * injected {@link EmbeddedNatsCluster}, and a connection that fails over when its node stops.
 */
@EmbeddedNats(clusterSize = 3)
class EmbeddedNatsClusterWithoutSpringTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	EmbeddedNatsCluster fieldCluster;

	@Nested
	class AndItsNestedClass {

		@Test
		void sharesTheEnclosingClassesCluster(EmbeddedNatsCluster cluster, EmbeddedNatsServer server) {
			assertThat(cluster).isSameAs(EmbeddedNatsClusterWithoutSpringTests.this.fieldCluster);
			assertThat(server).isSameAs(cluster.getNode(0));
		}
	}

	@Test
	void everyNodeListensOnPortsOfItsOwn(EmbeddedNatsCluster cluster) {
		assertThat(cluster.size()).isEqualTo(3);
		assertThat(cluster.getUrls()).doesNotHaveDuplicates().hasSize(3);
		assertThat(cluster.getNodes().stream().map(EmbeddedNatsServer::getClusterPort)).doesNotHaveDuplicates()
			.doesNotContain(0);
		assertThat(cluster.getNodes().stream().map((node) -> node.getBroker().getOptions().cluster().name()))
			.containsOnly(cluster.getName());
	}

	@Test
	void theFieldTheServerAndTheUrlAreTheClustersAndItsFirstNodes(EmbeddedNatsCluster cluster,
			EmbeddedNatsServer server, @EmbeddedNatsUrl String url) {
		assertThat(this.fieldCluster).isSameAs(cluster);
		assertThat(server).isSameAs(cluster.getNode(0));
		assertThat(url).isEqualTo(cluster.getUrls().get(0));
	}

	@Test
	void aMessagePublishedOnOneNodeReachesSubscribersOnTheOthers(EmbeddedNatsCluster cluster) throws Exception {
		try (Connection first = cluster.getNode(0).connect(); Connection third = cluster.getNode(2).connect()) {
			Subscription subscription = third.subscribe("crossing");
			third.flush(TIMEOUT);
			await().atMost(TIMEOUT).untilAsserted(() -> {
				first.publish("crossing", "hello".getBytes(StandardCharsets.UTF_8));
				Message message = subscription.nextMessage(Duration.ofMillis(100));
				assertThat(message).isNotNull();
				assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
			});
		}
	}

	@Test
	void theInjectedConnectionFailsOverToAnotherNodeWhenItsOwnStops(Connection connection,
			EmbeddedNatsCluster cluster) {
		int index = cluster.getUrls().indexOf(connection.getConnectedUrl());
		assertThat(index).isNotNegative();
		try {
			cluster.stop(index);
			await().atMost(TIMEOUT)
				.until(() -> connection.getStatus() == Connection.Status.CONNECTED
						&& !cluster.getUrls().get(index).equals(connection.getConnectedUrl()));
			assertThat(cluster.getUrls()).contains(connection.getConnectedUrl());
		}
		finally {
			cluster.start(index);
		}
	}

	@Test
	void aRestartedNodeRejoinsOnItsPortsAndRoutesAgain(EmbeddedNatsCluster cluster) throws Exception {
		EmbeddedNatsServer second = cluster.getNode(1);
		List<Integer> ports = List.of(second.getPort(), second.getClusterPort());
		String serverId = second.getBroker().getServerId();
		cluster.restart(1);
		assertThat(List.of(second.getPort(), second.getClusterPort())).isEqualTo(ports);
		assertThat(second.getBroker().getServerId()).isNotEqualTo(serverId);
		try (Connection first = cluster.getNode(0).connect(); Connection restarted = second.connect()) {
			Subscription subscription = restarted.subscribe("rejoined");
			restarted.flush(TIMEOUT);
			await().atMost(TIMEOUT).untilAsserted(() -> {
				first.publish("rejoined", null);
				assertThat(subscription.nextMessage(Duration.ofMillis(100))).isNotNull();
			});
		}
	}

	@Test
	void aClusterThatCannotStartStopsTheNodesItStarted() throws Exception {
		EmbeddedNatsCluster cluster = new EmbeddedNatsCluster(new EmbeddedNatsSettings(null, null, null, null, 1024, 2));
		cluster.start();
		int secondClusterPort = cluster.getNode(1).getClusterPort();
		cluster.stop();
		try (ServerSocket taken = new ServerSocket(secondClusterPort, 50, InetAddress.getLoopbackAddress())) {
			assertThatExceptionOfType(NatsBrokerException.class).isThrownBy(cluster::start);
			assertThat(cluster.getNodes()).noneMatch(EmbeddedNatsServer::isRunning);
		}
	}

	@Test
	void aClusterOfOneIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmbeddedNatsCluster(EmbeddedNatsSettings.DEFAULTS))
			.withMessage("A cluster needs at least 2 nodes, not 1: set clusterSize");
	}
}
