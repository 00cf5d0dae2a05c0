package io.github.natsspring.broker.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Clusters of Java brokers with jnats clients on different nodes. */
class JavaClusterTests {

	private final ClusterBrokers cluster = new ClusterBrokers();

	@AfterEach
	void close() {
		this.cluster.close();
	}

	@Test
	void aMessagePublishedOnOneNodeReachesASubscriberOnAnother() throws Exception {
		NatsBroker a = this.cluster.start("A");
		NatsBroker b = this.cluster.start("B", a.getClusterPort());
		this.cluster.awaitFullMesh();
		Connection subscriber = this.cluster.connect(b);
		Subscription subscription = subscriber.subscribe("orders.*");
		subscriber.flush(Duration.ofSeconds(2));
		Connection publisher = this.cluster.connect(a);
		awaitSubscriptions(a, 1);

		publisher.publish("orders.created", "one".getBytes(StandardCharsets.UTF_8));

		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(message).isNotNull();
		assertThat(message.getSubject()).isEqualTo("orders.created");
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("one");
		assertThat(subscription.nextMessage(Duration.ofMillis(200))).isNull();
	}

	@Test
	void routeTrafficCountsInTheServersTotals() throws Exception {
		NatsBroker a = this.cluster.start("A");
		NatsBroker b = this.cluster.start("B", a.getClusterPort());
		this.cluster.awaitFullMesh();
		Connection subscriber = this.cluster.connect(b);
		Subscription subscription = subscriber.subscribe("counted");
		subscriber.flush(Duration.ofSeconds(2));
		awaitSubscriptions(a, 1);
		Connection publisher = this.cluster.connect(a);

		publisher.publish("counted", "12345".getBytes(StandardCharsets.UTF_8));

		assertThat(subscription.nextMessage(Duration.ofSeconds(2))).isNotNull();
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(a.getStatistics().inMessages()).isEqualTo(1);
			assertThat(a.getStatistics().outMessages()).isEqualTo(1);
			assertThat(b.getStatistics().inMessages()).isEqualTo(1);
			assertThat(b.getStatistics().outBytes()).isEqualTo(5);
		});
	}

	@Test
	void headersCrossTheRoute() throws Exception {
		NatsBroker a = this.cluster.start("A");
		NatsBroker b = this.cluster.start("B", a.getClusterPort());
		this.cluster.awaitFullMesh();
		Connection subscriber = this.cluster.connect(b);
		Subscription subscription = subscriber.subscribe("h");
		subscriber.flush(Duration.ofSeconds(2));
		Connection publisher = this.cluster.connect(a);
		awaitSubscriptions(a, 1);

		publisher.publish(NatsMessage.builder()
			.subject("h")
			.headers(new Headers().add("k", "v"))
			.data("body", StandardCharsets.UTF_8)
			.build());

		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(message.getHeaders().getFirst("k")).isEqualTo("v");
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("body");
	}

	@Test
	void requestReplyWorksAcrossNodesAndNoRespondersOnceTheResponderLeaves() throws Exception {
		NatsBroker a = this.cluster.start("A");
		NatsBroker b = this.cluster.start("B", a.getClusterPort());
		this.cluster.awaitFullMesh();
		Connection responder = this.cluster.connect(b);
		Dispatcher dispatcher = responder.createDispatcher((request) -> responder.publish(request.getReplyTo(),
				("re:" + new String(request.getData(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
		dispatcher.subscribe("svc");
		responder.flush(Duration.ofSeconds(2));
		Connection requester = this.cluster.connect(a);
		awaitSubscriptions(a, 1);

		Message reply = requester.request("svc", "q".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));
		assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("re:q");

		dispatcher.unsubscribe("svc");
		responder.flush(Duration.ofSeconds(2));
		awaitSubscriptions(a, 1);
		assertThatThrownBy(() -> requester.request("svc", new byte[0]).get(1, TimeUnit.SECONDS))
			.isInstanceOf(CancellationException.class);
	}

	@Test
	void aQueueGroupAcrossThreeNodesGetsEachMessageExactlyOnce() throws Exception {
		NatsBroker a = this.cluster.start("A");
		NatsBroker b = this.cluster.start("B", a.getClusterPort());
		NatsBroker c = this.cluster.start("C", a.getClusterPort(), b.getClusterPort());
		this.cluster.awaitFullMesh();
		Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> byMessage = new ConcurrentHashMap<>();
		for (NatsBroker node : new NatsBroker[] { a, b, c }) {
			Connection member = this.cluster.connect(node);
			member.createDispatcher((message) -> {
				byNode.computeIfAbsent(node.getServerName(), (k) -> new AtomicInteger()).incrementAndGet();
				byMessage.computeIfAbsent(new String(message.getData(), StandardCharsets.UTF_8),
						(k) -> new AtomicInteger()).incrementAndGet();
			}).subscribe("work", "workers");
			member.flush(Duration.ofSeconds(2));
		}
		Connection publisher = this.cluster.connect(a);
		awaitSubscriptions(a, 3);

		for (int i = 0; i < 300; i++) {
			publisher.publish("work", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
		}
		publisher.flush(Duration.ofSeconds(2));

		await().atMost(Duration.ofSeconds(5)).until(() -> byMessage.size() == 300);
		assertThat(byMessage.values()).allMatch((count) -> count.get() == 1);
		assertThat(byNode).containsOnlyKeys("A", "B", "C");
	}

	@Test
	void aNodeGivenOnlyOneSeedConnectsToTheOthersThroughGossip() {
		NatsBroker a = this.cluster.start("A");
		NatsBroker b = this.cluster.start("B", a.getClusterPort());
		this.cluster.awaitFullMesh();

		NatsBroker c = this.cluster.start("C", a.getClusterPort());

		this.cluster.awaitFullMesh();
		assertThat(b.getRouteCount()).isEqualTo(2);
		assertThat(c.getRouteCount()).isEqualTo(2);
	}

	@Test
	void twoNodesDiallingEachOtherSettleOnOneRoute() throws Exception {
		int portOfB = NatsServerNode.freePort();
		NatsBroker a = this.cluster.start("A", portOfB);
		NatsBroker b = this.cluster.start("B", (settings) -> settings.port(portOfB), a.getClusterPort());

		this.cluster.awaitFullMesh();
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
			.until(() -> a.getRouteCount() == 1 && b.getRouteCount() == 1);
	}

	@Test
	void aRestartedPeerIsDialledAgainAndGetsTheInterest() throws Exception {
		int portOfB = NatsServerNode.freePort();
		NatsBroker b = this.cluster.start("B", (settings) -> settings.port(portOfB), new int[0]);
		NatsBroker a = this.cluster.start("A", portOfB);
		this.cluster.awaitFullMesh();
		Connection subscriber = this.cluster.connect(a);
		Subscription subscription = subscriber.subscribe("again");
		subscriber.flush(Duration.ofSeconds(2));

		b.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> a.getRouteCount() == 0);
		NatsBroker restarted = this.cluster.start("B2", (settings) -> settings.port(portOfB), new int[0]);
		await().atMost(Duration.ofSeconds(5)).until(() -> restarted.getRouteCount() == 1);
		awaitSubscriptions(restarted, 1);
		Connection publisher = this.cluster.connect(restarted);
		publisher.publish("again", "back".getBytes(StandardCharsets.UTF_8));

		assertThat(subscription.nextMessage(Duration.ofSeconds(2))).isNotNull();
	}

	@Test
	void aNodeWithoutAClusterNameTakesItsPeersName() throws Exception {
		NatsBroker a = this.cluster.start("A");
		NatsBroker unnamed = this.cluster.start("U", (settings) -> settings.name(null), a.getClusterPort());

		this.cluster.awaitFullMesh();
		try (RawSocket client = RawSocket.connect(unnamed.getPort())) {
			assertThat(client.readUntil(" \r\n", Duration.ofSeconds(2))).contains("\"cluster\":\"demo\"");
		}
	}

	/** Waits until a node holds this many subscriptions, remote interest learned over routes included. */
	private static void awaitSubscriptions(NatsBroker node, int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> node.getSubscriptionCount() == count);
	}
}
