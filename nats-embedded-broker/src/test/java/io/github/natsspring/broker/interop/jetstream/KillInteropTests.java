package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.ServerProcessTarget;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the server process during a burst of asynchronous publishes: every message whose PubAck
 * reached the client is there, with its payload, once the server is started again on the same store.
 */
class KillInteropTests extends JetStreamScenario {

	private static final int IN_FLIGHT = 64;

	private static final int TOTAL = 20_000;

	private static final int ACKNOWLEDGED_BEFORE_KILL = 3_000;

	@InteropTest
	@Timeout(60)
	void noAcknowledgedMessageIsLostToAKillMidBurst(TargetKind kind) throws Exception {
		ServerProcessTarget target = startProcess(kind, jetStreamOptions());
		Map<Long, String> acknowledged = new ConcurrentHashMap<>();
		boolean killed = false;
		try (Connection connection = connect(options(target).maxReconnects(0))) {
			connection.jetStreamManagement().addStream(fileStream("K", "k.>").build());
			JetStream jetStream = connection.jetStream();
			Semaphore window = new Semaphore(IN_FLIGHT);
			for (int i = 1; i <= TOTAL && !killed; i++) {
				if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
					throw new AssertionError("no PubAck for 10 s with " + IN_FLIGHT + " in flight");
				}
				String payload = "p-" + i;
				jetStream.publishAsync("k.a", utf8(payload)).whenComplete((ack, failure) -> {
					if (ack != null) {
						acknowledged.put(ack.getSeqno(), payload);
					}
					window.release();
				});
				if (acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL) {
					target.kill();
					killed = true;
				}
			}
		}
		assertThat(killed).as("killed while publishing").isTrue();
		Map<Long, String> promised = new HashMap<>(acknowledged);
		assertThat(promised).hasSizeBetween(ACKNOWLEDGED_BEFORE_KILL, TOTAL - 1);
		target.restart();
		try (Connection connection = connect(target)) {
			long lastSequence = connection.jetStreamManagement().getStreamInfo("K").getStreamState().getLastSequence();
			assertThat(lastSequence).isGreaterThanOrEqualTo(promised.keySet().stream().max(Long::compare).orElseThrow());
			connection.jetStreamManagement().addOrUpdateConsumer("K",
					ConsumerConfiguration.builder().durable("read").ackPolicy(AckPolicy.None).build());
			JetStreamSubscription reader = connection.jetStream().subscribe(null, PullSubscribeOptions.bind("K", "read"));
			Map<Long, String> stored = new HashMap<>();
			while (stored.size() < lastSequence) {
				List<Message> batch = reader.fetch(1000, Duration.ofSeconds(2));
				assertThat(batch).as("messages after %d of %d", stored.size(), lastSequence).isNotEmpty();
				batch.forEach((message) -> stored.put(message.metaData().streamSequence(), text(message)));
			}
			assertThat(stored).containsAllEntriesOf(promised);
		}
	}
}
