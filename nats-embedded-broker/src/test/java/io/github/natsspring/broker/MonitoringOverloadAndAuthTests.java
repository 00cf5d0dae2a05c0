package io.github.natsspring.broker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.monitor.MonitorHttp;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What monitoring shows of a consumer cut off for falling behind, and of who authenticated. */
class MonitoringOverloadAndAuthTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void aSlowConsumerIsCountedInVarzAndListedAsClosedWithItsReason() throws Exception {
		BrokerLimits limits = BrokerLimits.builder().maxPending(1L << 20).writeDeadline(Duration.ofMinutes(1)).build();
		try (NatsBroker broker = started(NatsBrokerOptions.builder().limits(limits));
				RawClient neverReads = new RawClient(broker.getPort());
				FloodPublisher producer = FloodPublisher.connect(broker.getPort(), WAIT)) {
			neverReads.send("CONNECT {\"verbose\":false,\"name\":\"never-reads\"}\r\nSUB flood 1\r\nPING\r\n")
				.readUntil("PONG\r\n", WAIT);
			MonitorHttp http = MonitorHttp.on(broker.getMonitoringPort());

			CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
				try {
					producer.publish("flood", 110, 600 * 1024);
					producer.ping();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			await().atMost(WAIT).until(() -> (long) http.json("/varz").get("slow_consumers") == 1);
			flood.get(WAIT.toSeconds(), TimeUnit.SECONDS);

			List<?> closed = (List<?>) http.json("/connz?state=closed").get("connections");
			assertThat(closed).singleElement()
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("name", "never-reads")
				.containsEntry("reason", "Slow Consumer (Pending Bytes)");
			assertThat(http.json("/varz")).containsEntry("in_msgs", 110L).containsEntry("connections", 1L);
		}
	}

	@Test
	void authShowsTheUserEachConnectionAuthenticatedAs() throws Exception {
		BrokerAuth alice = BrokerAuth.users(new BrokerUser("alice", "s3cret"));
		try (NatsBroker broker = started(NatsBrokerOptions.builder().auth(alice));
				Connection connection = Nats.connect(Options.builder()
					.server(broker.getClientUrl())
					.userInfo("alice", "s3cret")
					.build())) {
			MonitorHttp http = MonitorHttp.on(broker.getMonitoringPort());

			Map<?, ?> withAuth = (Map<?, ?>) ((List<?>) http.json("/connz?auth=true").get("connections")).get(0);
			Map<?, ?> withoutAuth = (Map<?, ?>) ((List<?>) http.json("/connz").get("connections")).get(0);

			assertThat(withAuth.get("authorized_user")).isEqualTo("alice");
			assertThat(withAuth.containsKey("account")).isFalse();
			assertThat(withoutAuth.containsKey("authorized_user")).isFalse();
			assertThat(http.json("/varz")).containsEntry("auth_required", true);
		}
	}

	private static NatsBroker started(NatsBrokerOptions.Builder options) {
		NatsBroker broker = new NatsBroker(options.host("127.0.0.1")
			.port(0)
			.monitoring(BrokerMonitoring.builder().host("127.0.0.1").port(0).build())
			.build());
		broker.start();
		return broker;
	}
}
