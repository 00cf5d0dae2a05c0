package io.github.natsspring.broker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.Nats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Limits and liveness over raw sockets, with the exact -ERR lines nats-server sends.
 */
class BrokerLimitsTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void connectionsOverTheLimitGetInfoThenAnErrorAndAreClosed() throws Exception {
		try (NatsBroker broker = started(BrokerLimits.builder().maxConnections(1).build());
				RawClient first = new RawClient(broker.getPort())) {
			first.send("CONNECT {}\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			try (RawClient second = new RawClient(broker.getPort())) {
				String received = second.readUntilClosed(WAIT);
				assertThat(received).startsWith("INFO ").endsWith("-ERR 'maximum connections exceeded'\r\n");
			}
			first.send("PING\r\n").readUntil("PONG\r\nPONG\r\n", WAIT);
		}
	}

	@Test
	void subscriptionsOverTheLimitAreRefusedWithoutClosing() throws Exception {
		try (NatsBroker broker = started(BrokerLimits.builder().maxSubscriptions(2).build());
				RawClient client = new RawClient(broker.getPort())) {
			client.send("CONNECT {\"verbose\":false}\r\nSUB a 1\r\nSUB b 2\r\nSUB c 3\r\nPING\r\n");
			String received = client.readUntil("PONG\r\n", WAIT);
			assertThat(received).endsWith("-ERR 'maximum subscriptions exceeded'\r\nPONG\r\n");
			assertThat(broker.getSubscriptionCount()).isEqualTo(2);
		}
	}

	@Test
	void payloadOverTheLimitIsRefusedFromTheControlLineAndCloses() throws Exception {
		try (NatsBroker broker = started(BrokerLimits.builder().maxPayload(16).build());
				RawClient client = new RawClient(broker.getPort())) {
			assertThat(client.readUntil("\r\n", WAIT)).contains("\"max_payload\":16");
			client.send("CONNECT {\"verbose\":false}\r\nPUB foo 17\r\n");
			assertThat(client.readUntilClosed(WAIT)).endsWith("-ERR 'Maximum Payload Violation'\r\n");
		}
	}

	@Test
	void clientsThatDoNotAuthenticateInTimeAreClosed() throws Exception {
		BrokerLimits limits = BrokerLimits.builder().authTimeout(Duration.ofMillis(200)).build();
		try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort().toBuilder()
			.limits(limits).auth(BrokerAuth.token("s3cret")).build())) {
			broker.start();
			try (RawClient client = new RawClient(broker.getPort())) {
				String received = client.readUntilClosed(WAIT);
				assertThat(received).contains("\"auth_required\":true").endsWith("-ERR 'Authentication Timeout'\r\n");
			}
		}
	}

	@Test
	void clientsThatStopAnsweringPingsAreClosedAsStale() throws Exception {
		BrokerLimits limits = BrokerLimits.builder().pingInterval(Duration.ofMillis(100)).maxPingsOut(2).build();
		try (NatsBroker broker = started(limits); RawClient client = new RawClient(broker.getPort())) {
			client.send("CONNECT {\"verbose\":false}\r\n");
			String received = client.readUntilClosed(WAIT);
			assertThat(received).endsWith("PING\r\nPING\r\n-ERR 'Stale Connection'\r\n");
		}
	}

	@Test
	void clientsThatAnswerPingsStayConnected() throws Exception {
		BrokerLimits limits = BrokerLimits.builder().pingInterval(Duration.ofMillis(50)).maxPingsOut(1).build();
		try (NatsBroker broker = started(limits); RawClient client = new RawClient(broker.getPort())) {
			client.send("CONNECT {\"verbose\":false}\r\n");
			for (int i = 0; i < 5; i++) {
				String before = client.text();
				client.readUntil(before + "PING\r\n", WAIT);
				client.send("PONG\r\n");
			}
			assertThat(client.isClosedByServer()).isFalse();
		}
	}

	@Test
	void aSlowConsumerIsCutOffWhileOtherClientsCarryOn() throws Exception {
		BrokerLimits limits = BrokerLimits.builder()
			.maxPayload(1024)
			.maxPending(64 * 1024)
			.writeDeadline(Duration.ofSeconds(1))
			.build();
		try (NatsBroker broker = started(limits);
				RawClient slow = new RawClient(broker.getPort());
				Connection healthy = Nats.connect(broker.getClientUrl());
				RawClient publisher = new RawClient(broker.getPort())) {
			slow.send("CONNECT {\"verbose\":false}\r\nSUB flood 1\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			AtomicInteger received = new AtomicInteger();
			healthy.createDispatcher((message) -> received.incrementAndGet()).subscribe("flood");
			healthy.flush(WAIT);
			// the PONG proves the broker counts the publisher: the loop below runs while all three are connected
			publisher.send("CONNECT {\"verbose\":false}\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			// 32 KB per round, each round taken by the healthy client before the next, so only the client that
			// never reads piles up pending bytes: first in its socket buffers, then past half of max_pending, where
			// the publisher is stalled, until max_pending or the write deadline cuts that client off
			String round = ("PUB flood 1000\r\n" + "x".repeat(1000) + "\r\n").repeat(32);
			int published = 0;
			for (int i = 0; i < 4000 && broker.getConnectionCount() == 3; i++) {
				publisher.send(round);
				published += 32;
				int expected = published;
				await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> received.get() == expected);
			}
			await().atMost(WAIT).until(() -> broker.getConnectionCount() == 2);
			assertThat(slow.readUntilClosed(WAIT)).doesNotContain("-ERR");
			publisher.send("PUB flood 4\r\nlast\r\n");
			int all = published + 1;
			await().atMost(WAIT).until(() -> received.get() == all);
			assertThat(healthy.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		}
	}

	private static NatsBroker started(BrokerLimits limits) {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort().toBuilder().limits(limits).build());
		broker.start();
		return broker;
	}
}
