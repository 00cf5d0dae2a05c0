package io.github.natsspring.broker.cluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Java brokers and nats-server 2.9.10 processes in one cluster. */
class MixedClusterTests {

	private final ClusterBrokers brokers = new ClusterBrokers();

	private NatsServerNode server;

	private NatsServerNode secondServer;

	@AfterEach
	void close() {
		this.brokers.close();
		if (this.server != null) {
			this.server.close();
		}
		if (this.secondServer != null) {
			this.secondServer.close();
		}
	}

	@Test
	void aJavaNodeDiallingNatsServerExchangesMessagesBothWays() throws Exception {
		this.server = NatsServerNode.start("N", ClusterBrokers.NAME);
		NatsBroker java = this.brokers.start("J", this.server.clusterPort());
		await().atMost(Duration.ofSeconds(10)).until(() -> java.getRouteCount() == 1 && this.server.routeCount() == 1);

		assertMessagesCross(java, this.server);
	}

	@Test
	void natsServerDiallingAJavaNodeExchangesMessagesBothWays() throws Exception {
		NatsBroker java = this.brokers.start("J");
		this.server = NatsServerNode.start("N", ClusterBrokers.NAME, "--routes",
				NatsServerNode.routes(java.getClusterPort()));
		await().atMost(Duration.ofSeconds(10)).until(() -> java.getRouteCount() == 1 && this.server.routeCount() == 1);

		assertMessagesCross(java, this.server);
	}

	@Test
	void aQueueGroupSpanningJavaAndNatsServerNodesGetsEachMessageOnce() throws Exception {
		NatsBroker java = this.brokers.start("J");
		this.server = NatsServerNode.start("N", ClusterBrokers.NAME, "--routes",
				NatsServerNode.routes(java.getClusterPort()));
		this.secondServer = NatsServerNode.start("M", ClusterBrokers.NAME, "--routes",
				NatsServerNode.routes(java.getClusterPort()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> java.getRouteCount() == 2 && this.server.routeCount() == 2
					&& this.secondServer.routeCount() == 2);
		Map<String, AtomicInteger> byMember = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> byMessage = new ConcurrentHashMap<>();
		String[] urls = { java.getClientUrl(), this.server.clientUrl(), this.secondServer.clientUrl() };
		for (String url : urls) {
			Connection member = Nats.connect(url);
			closeLater(member);
			member.createDispatcher((message) -> {
				byMember.computeIfAbsent(url, (k) -> new AtomicInteger()).incrementAndGet();
				byMessage.computeIfAbsent(new String(message.getData(), StandardCharsets.UTF_8),
						(k) -> new AtomicInteger()).incrementAndGet();
			}).subscribe("work", "workers");
			member.flush(Duration.ofSeconds(2));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> java.getSubscriptionCount() == 3);
		Connection publisher = Nats.connect(this.server.clientUrl());
		closeLater(publisher);
		// the publisher's server must know both remote members before publishing, or it keeps messages local
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.server.monitor("/routez?subs=1").split("\"work\"", -1).length - 1 == 2);

		for (int i = 0; i < 300; i++) {
			publisher.publish("work", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
		}
		publisher.flush(Duration.ofSeconds(2));

		await().atMost(Duration.ofSeconds(5)).until(() -> byMessage.size() == 300);
		assertThat(byMessage.values()).allMatch((count) -> count.get() == 1);
		assertThat(byMember).hasSize(3);
	}

	@Test
	void aJavaNodeGivenOneNatsServerSeedMeshesWithTheWholeCluster() throws Exception {
		this.server = NatsServerNode.start("N", ClusterBrokers.NAME);
		this.secondServer = NatsServerNode.start("M", ClusterBrokers.NAME, "--routes",
				NatsServerNode.routes(this.server.clusterPort()));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.server.routeCount() == 1);

		NatsBroker java = this.brokers.start("J", this.server.clusterPort());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> java.getRouteCount() == 2 && this.secondServer.routeCount() == 2
					&& this.server.routeCount() == 2);
		assertMessagesCross(java, this.secondServer);
	}

	@Test
	void routeCredentialsWorkBothWaysWithNatsServer() throws Exception {
		this.server = NatsServerNode.startWithRouteAuthorization("N", ClusterBrokers.NAME, "ruser", "rpass");
		NatsBroker java = this.brokers.start("J", (cluster) -> cluster.authorization("ruser", "rpass")
			.route(URI.create("nats-route://ruser:rpass@127.0.0.1:" + this.server.clusterPort())), new int[0]);
		this.secondServer = NatsServerNode.start("M", ClusterBrokers.NAME, "--routes",
				"nats-route://ruser:rpass@127.0.0.1:" + java.getClusterPort());

		await().atMost(Duration.ofSeconds(10)).until(() -> java.getRouteCount() == 2);
	}

	@Test
	void aJavaNodeAndNatsServerDiallingEachOtherSettleOnOneRoute() throws Exception {
		int serverClusterPort = NatsServerNode.freePort();
		NatsBroker java = this.brokers.start("J", serverClusterPort);
		this.server = NatsServerNode.startOnClusterPort("N", ClusterBrokers.NAME, serverClusterPort, "--routes",
				NatsServerNode.routes(java.getClusterPort()));

		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
			.until(() -> java.getRouteCount() == 1 && this.server.routeCount() == 1);
		assertMessagesCross(java, this.server);
	}

	private void assertMessagesCross(NatsBroker java, NatsServerNode server) throws Exception {
		Connection onJava = Nats.connect(java.getClientUrl());
		closeLater(onJava);
		Connection onServer = Nats.connect(server.clientUrl());
		closeLater(onServer);
		Subscription javaSide = onJava.subscribe("to.java");
		Subscription serverSide = onServer.subscribe("to.server.>");
		onJava.flush(Duration.ofSeconds(2));
		onServer.flush(Duration.ofSeconds(2));
		await().atMost(Duration.ofSeconds(5)).until(() -> java.getSubscriptionCount() == 2);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> server.monitor("/subsz").matches("(?s).*\"num_subscriptions\":\\s*([2-9]|\\d\\d+).*"));

		onServer.publish("to.java", "hello java".getBytes(StandardCharsets.UTF_8));
		onJava.publish("to.server.x", "reply.here", "hello server".getBytes(StandardCharsets.UTF_8));

		Message atJava = javaSide.nextMessage(Duration.ofSeconds(2));
		Message atServer = serverSide.nextMessage(Duration.ofSeconds(2));
		assertThat(new String(atJava.getData(), StandardCharsets.UTF_8)).isEqualTo("hello java");
		assertThat(atServer.getSubject()).isEqualTo("to.server.x");
		assertThat(atServer.getReplyTo()).isEqualTo("reply.here");
		assertThat(new String(atServer.getData(), StandardCharsets.UTF_8)).isEqualTo("hello server");
	}

	private void closeLater(Connection connection) {
		this.brokers.closeLater(connection);
	}
}
