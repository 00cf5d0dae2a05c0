package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Acknowledgements and redelivery, and the consumer counters that follow them. */
class AckInteropTests extends JetStreamScenario {

	private Connection connection;

	private JetStream jetStream;

	private JetStreamManagement management;

	private void startWithStream(TargetKind kind, int messages) throws Exception {
		connection = connect(startJetStream(kind));
		jetStream = connection.jetStream();
		management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").build());
		publish(jetStream, "s.a", "m", messages);
	}

	private JetStreamSubscription pull(ConsumerConfiguration.Builder config) throws Exception {
		management.addOrUpdateConsumer("S", config.durable("d").build());
		return jetStream.subscribe(null, PullSubscribeOptions.bind("S", "d"));
	}

	private void flush() throws Exception {
		connection.flush(Duration.ofSeconds(2));
	}

	@InteropTest
	void ackAdvancesTheAckFloorOnlyWhenContiguous(TargetKind kind) throws Exception {
		startWithStream(kind, 4);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder());
		List<Message> batch = subscription.fetch(4, Duration.ofSeconds(2));
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(4L, 4L, 0L, 0L, 0L, 4L, 0L);
		batch.get(1).ackSync(Duration.ofSeconds(2));
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(4L, 4L, 0L, 0L, 0L, 3L, 0L);
		batch.get(0).ackSync(Duration.ofSeconds(2));
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(4L, 4L, 2L, 2L, 0L, 2L, 0L);
		batch.get(3).ack();
		batch.get(2).ack();
		flush();
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(4L, 4L, 4L, 4L, 0L, 0L, 0L);
	}

	@InteropTest
	void nakRedeliversAtOnceWithTheDeliveryCountRaised(TargetKind kind) throws Exception {
		startWithStream(kind, 1);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder());
		Message first = subscription.fetch(1, Duration.ofSeconds(2)).get(0);
		// nats-server handles acks apart from pull requests: with one message the order cannot matter
		first.nak();
		Message again = subscription.fetch(1, Duration.ofSeconds(2)).get(0);
		assertThat(List.of(again.metaData().streamSequence(), again.metaData().consumerSequence(),
				again.metaData().deliveredCount())).containsExactly(1L, 2L, 2L);
		again.ackSync(Duration.ofSeconds(2));
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(2L, 1L, 2L, 1L, 0L, 0L, 0L);
	}

	@InteropTest
	void nakWithDelayHoldsTheRedeliveryBack(TargetKind kind) throws Exception {
		startWithStream(kind, 1);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder());
		Message first = subscription.fetch(1, Duration.ofSeconds(2)).get(0);
		long nakAt = System.nanoTime();
		first.nakWithDelay(Duration.ofMillis(800));
		flush();
		assertThat(subscription.fetch(1, Duration.ofMillis(300))).isEmpty();
		Message again = subscription.fetch(1, Duration.ofSeconds(3)).get(0);
		assertThat(Duration.ofNanos(System.nanoTime() - nakAt)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		assertThat(again.metaData().deliveredCount()).isEqualTo(2);
	}

	@InteropTest
	void termEndsDeliveryOfTheMessage(TargetKind kind) throws Exception {
		startWithStream(kind, 2);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder().ackWait(Duration.ofMillis(300)));
		subscription.fetch(1, Duration.ofSeconds(2)).get(0).term();
		flush();
		Message second = subscription.fetch(1, Duration.ofSeconds(2)).get(0);
		assertThat(second.metaData().streamSequence()).isEqualTo(2);
		second.ackSync(Duration.ofSeconds(2));
		assertThat(subscription.fetch(1, Duration.ofMillis(700))).isEmpty();
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(2L, 2L, 2L, 2L, 0L, 0L, 0L);
	}

	@InteropTest
	void anUnackedMessageIsRedeliveredAfterAckWait(TargetKind kind) throws Exception {
		startWithStream(kind, 1);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder().ackWait(Duration.ofMillis(300)));
		subscription.fetch(1, Duration.ofSeconds(2));
		Message again = subscription.fetch(1, Duration.ofSeconds(3)).get(0);
		assertThat(List.of(again.metaData().streamSequence(), again.metaData().deliveredCount())).containsExactly(1L, 2L);
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(2L, 1L, 0L, 0L, 0L, 1L, 1L);
	}

	@InteropTest
	void inProgressKeepsTheMessageFromBeingRedelivered(TargetKind kind) throws Exception {
		startWithStream(kind, 1);
		management.addOrUpdateConsumer("S", ConsumerConfiguration.builder()
			.durable("p")
			.deliverSubject("deliver.p")
			.ackWait(Duration.ofMillis(500))
			.build());
		JetStreamSubscription subscription = jetStream.subscribe(null, PushSubscribeOptions.bind("S", "p"));
		Message first = subscription.nextMessage(Duration.ofSeconds(2));
		List<Message> redelivered = new ArrayList<>();
		await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
			.until(() -> {
				first.inProgress();
				Message next = subscription.nextMessage(Duration.ofMillis(1));
				if (next != null) {
					redelivered.add(next);
				}
				return redelivered.isEmpty();
			});
		Message again = subscription.nextMessage(Duration.ofSeconds(3));
		assertThat(again.metaData().deliveredCount()).isEqualTo(2);
	}

	@InteropTest
	void maxDeliverCapsTheDeliveries(TargetKind kind) throws Exception {
		startWithStream(kind, 1);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder().ackWait(Duration.ofMillis(200))
			.maxDeliver(2));
		assertThat(subscription.fetch(1, Duration.ofSeconds(2))).hasSize(1);
		Message second = subscription.fetch(1, Duration.ofSeconds(2)).get(0);
		assertThat(second.metaData().deliveredCount()).isEqualTo(2);
		assertThat(subscription.fetch(1, Duration.ofMillis(800))).isEmpty();
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(2L, 1L, 0L, 0L, 0L, 0L, 1L);
	}

	@InteropTest
	void maxAckPendingHoldsDeliveriesBackUntilAcks(TargetKind kind) throws Exception {
		startWithStream(kind, 5);
		ConsumerContext consumer = connection.getStreamContext("S")
			.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("d").maxAckPending(2).build());
		List<Message> first = fetchNoWait(consumer);
		assertThat(streamSequences(first)).containsExactly(1L, 2L);
		assertThat(counters(consumer.getConsumerInfo())).containsExactly(2L, 2L, 0L, 0L, 3L, 2L, 0L);
		first.forEach(Message::ack);
		flush();
		assertThat(streamSequences(fetchNoWait(consumer))).containsExactly(3L, 4L);
	}

	private static List<Message> fetchNoWait(ConsumerContext consumer) throws Exception {
		List<Message> messages = new ArrayList<>();
		FetchConsumer fetch = consumer.fetch(FetchConsumeOptions.builder().maxMessages(5).noWait().build());
		for (Message message = fetch.nextMessage(); message != null; message = fetch.nextMessage()) {
			messages.add(message);
		}
		return messages;
	}

	@InteropTest
	void ackAllAcknowledgesEverythingUpToTheMessage(TargetKind kind) throws Exception {
		startWithStream(kind, 5);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder().ackPolicy(AckPolicy.All));
		List<Message> batch = subscription.fetch(5, Duration.ofSeconds(2));
		batch.get(2).ackSync(Duration.ofSeconds(2));
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(5L, 5L, 3L, 3L, 0L, 2L, 0L);
	}

	@InteropTest
	void ackNoneNeedsNoAcks(TargetKind kind) throws Exception {
		startWithStream(kind, 3);
		JetStreamSubscription subscription = pull(ConsumerConfiguration.builder().ackPolicy(AckPolicy.None));
		assertThat(subscription.fetch(3, Duration.ofSeconds(2))).hasSize(3);
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(3L, 3L, 3L, 3L, 0L, 0L, 0L);
	}
}
