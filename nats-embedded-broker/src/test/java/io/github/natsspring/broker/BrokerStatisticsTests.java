package io.github.natsspring.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figures a broker keeps per connection and in total agree with what real clients sent and received.
 */
class BrokerStatisticsTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void totalsCountMessagesAndPayloadBytesInAndOut() throws Exception {
		try (NatsBroker broker = started(NatsBrokerOptions.loopbackRandomPort());
				Connection publisher = Nats.connect(broker.getClientUrl());
				Connection first = Nats.connect(broker.getClientUrl());
				Connection second = Nats.connect(broker.getClientUrl())) {
			AtomicInteger received = new AtomicInteger();
			subscribe(first, "stats", received);
			subscribe(second, "stats", received);
			byte[] payload = "0123456789".getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 100; i++) {
				publisher.publish("stats", payload);
			}
			publisher.publish("nobody", payload);
			publisher.flush(WAIT);
			await().atMost(WAIT).until(() -> received.get() == 200);

			BrokerStatistics statistics = broker.getStatistics();
			assertThat(statistics.inMessages()).isEqualTo(101);
			assertThat(statistics.inBytes()).isEqualTo(1010);
			assertThat(statistics.outMessages()).isEqualTo(200);
			assertThat(statistics.outBytes()).isEqualTo(2000);
			assertThat(statistics.connections()).isEqualTo(3);
			assertThat(statistics.totalConnections()).isEqualTo(3);
			assertThat(statistics.subscriptions()).isEqualTo(2);
			assertThat(statistics.slowConsumers()).isZero();
		}
	}

	@Test
	void eachClientsFiguresAreItsOwn() throws Exception {
		try (NatsBroker broker = started(NatsBrokerOptions.loopbackRandomPort());
				Connection publisher = Nats.connect(options(broker, "publisher"));
				Connection subscriber = Nats.connect(options(broker, "subscriber"))) {
			AtomicInteger received = new AtomicInteger();
			subscribe(subscriber, "per.client", received);
			subscriber.subscribe("other");
			subscriber.flush(WAIT);
			for (int i = 0; i < 7; i++) {
				publisher.publish("per.client", new byte[3]);
			}
			publisher.flush(WAIT);
			await().atMost(WAIT).until(() -> received.get() == 7);

			List<ClientStatistics> clients = broker.getClientStatistics();
			assertThat(clients).extracting(ClientStatistics::name).containsExactly("publisher", "subscriber");
			ClientStatistics publishing = clients.get(0);
			assertThat(publishing.inMessages()).isEqualTo(7);
			assertThat(publishing.inBytes()).isEqualTo(21);
			assertThat(publishing.outMessages()).isZero();
			assertThat(publishing.subscriptions()).isZero();
			assertThat(publishing.lang()).isEqualTo("java");
			assertThat(publishing.ip()).isEqualTo("127.0.0.1");
			ClientStatistics subscribing = clients.get(1);
			assertThat(subscribing.outMessages()).isEqualTo(7);
			assertThat(subscribing.outBytes()).isEqualTo(21);
			assertThat(subscribing.inMessages()).isZero();
			assertThat(subscribing.subscriptions()).isEqualTo(2);
			assertThat(subscribing.pendingBytes()).isZero();
			assertThat(subscribing.start()).isBefore(Instant.now().plusMillis(1));
			assertThat(subscribing.lastActivity()).isAfterOrEqualTo(subscribing.start());
		}
	}

	@Test
	void theRoundTripIsMeasuredWithTheServersFirstPing() throws Exception {
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.limits((limits) -> limits.pingInterval(Duration.ofMillis(100)))
			.build();
		try (NatsBroker broker = started(options); Connection client = Nats.connect(broker.getClientUrl())) {
			assertThat(broker.getClientStatistics().get(0).roundTrip()).isNull();

			await().atMost(WAIT).until(() -> broker.getClientStatistics().get(0).roundTrip() != null);

			assertThat(broker.getClientStatistics().get(0).roundTrip()).isPositive().isLessThan(WAIT);
		}
	}

	@Test
	void aClosedConnectionsTrafficStaysInTheTotals() throws Exception {
		try (NatsBroker broker = started(NatsBrokerOptions.loopbackRandomPort())) {
			try (Connection client = Nats.connect(broker.getClientUrl())) {
				AtomicInteger received = new AtomicInteger();
				subscribe(client, "echo", received);
				client.publish("echo", new byte[5]);
				client.flush(WAIT);
				await().atMost(WAIT).until(() -> received.get() == 1);
			}
			await().atMost(WAIT).until(() -> broker.getConnectionCount() == 0);

			BrokerStatistics statistics = broker.getStatistics();
			assertThat(statistics.inMessages()).isEqualTo(1);
			assertThat(statistics.outBytes()).isEqualTo(5);
			assertThat(statistics.connections()).isZero();
			assertThat(statistics.totalConnections()).isEqualTo(1);
			assertThat(broker.getClientStatistics()).isEmpty();
		}
	}

	private static void subscribe(Connection connection, String subject, AtomicInteger received) throws Exception {
		Dispatcher dispatcher = connection.createDispatcher((message) -> received.incrementAndGet());
		dispatcher.subscribe(subject);
		connection.flush(WAIT);
	}

	private static Options options(NatsBroker broker, String name) {
		return Options.builder().server(broker.getClientUrl()).connectionName(name).build();
	}

	private static NatsBroker started(NatsBrokerOptions options) {
		NatsBroker broker = new NatsBroker(options);
		broker.start();
		return broker;
	}
}
