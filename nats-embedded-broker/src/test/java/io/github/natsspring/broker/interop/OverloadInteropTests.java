package io.github.natsspring.broker.interop;

import java.time.Duration;

import io.github.natsspring.broker.FloodPublisher;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.ThrottledSubscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload as nats-server 2.9.10 handles it: a producer faster than its consumer is stalled, not its consumer
 * cut off, so a consumer that keeps reading loses nothing however far the producer runs ahead.
 */
class OverloadInteropTests extends InteropScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@InteropTest
	void aConsumerSlowerThanItsProducerReceivesEveryMessage(TargetKind kind) throws Exception {
		int maxPending = 256 * 1024;
		int messages = 40_000;
		int payloadSize = 512;
		NatsTarget target = start(kind, NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.limits((limits) -> limits.maxPayload(16 * 1024).maxPending(maxPending))
			.build());
		// about 20 MB through a consumer reading 16 MB/s: 80 times its max pending
		ThrottledSubscriber consumer = closeAtEnd(ThrottledSubscriber.start(target.port(), "flood", 16L << 20));
		FloodPublisher producer = closeAtEnd(FloodPublisher.connect(target.port(), TIMEOUT));

		producer.publish("flood", messages, payloadSize);
		producer.ping();

		await().atMost(TIMEOUT).until(() -> consumer.received() == messages || consumer.isClosedByServer());
		assertThat(consumer.isClosedByServer()).isFalse();
		assertThat(consumer.received()).isEqualTo(messages);
	}
}
