package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acks, naks, terms, redelivery after the ack wait and {@code max_deliver}, over the wire with jnats.
 */
class AcknowledgementTests {

	@TempDir
	Path directory;

	private JetStreamBroker broker;

	private JetStream js;

	@BeforeEach
	void start() throws Exception {
		this.broker = new JetStreamBroker(this.directory).start();
		this.broker.createStream("S", "s.>");
		this.js = this.broker.connection().jetStream();
	}

	@AfterEach
	void stop() {
		this.broker.close();
	}

	@Test
	void nakRedeliversAtOnceWithTheNextDeliveryCount() throws Exception {
		JetStreamSubscription subscription = consumer(ConsumerConfiguration.builder().durable("d"), 1);
		Message first = fetchOne(subscription);
		first.nak();
		Message again = fetchOne(subscription);
		assertThat(again.metaData().streamSequence()).isEqualTo(1);
		assertThat(again.metaData().deliveredCount()).isEqualTo(2);
		assertThat(again.metaData().consumerSequence()).isEqualTo(2);
		again.ackSync(Duration.ofSeconds(2));
		assertThat(info("d").getRedelivered()).isZero();
		assertThat(info("d").getAckFloor().getStreamSequence()).isEqualTo(1);
	}

	@Test
	void nakWithDelayWaitsBeforeRedelivering() throws Exception {
		JetStreamSubscription subscription = consumer(ConsumerConfiguration.builder().durable("d"), 1);
		fetchOne(subscription).nakWithDelay(Duration.ofMillis(700));
		assertThat(subscription.fetch(1, Duration.ofMillis(300))).isEmpty();
		Message again = fetchOne(subscription);
		assertThat(again.metaData().deliveredCount()).isEqualTo(2);
	}

	@Test
	void unackedMessageIsRedeliveredAfterTheAckWait() throws Exception {
		JetStreamSubscription subscription = consumer(
				ConsumerConfiguration.builder().durable("d").ackWait(Duration.ofMillis(300)), 1);
		fetchOne(subscription);
		Message again = fetchOne(subscription);
		assertThat(again.metaData().deliveredCount()).isEqualTo(2);
		assertThat(info("d").getRedelivered()).isEqualTo(1);
	}

	@Test
	void progressRestartsTheAckWait() throws Exception {
		JetStreamSubscription subscription = consumer(
				ConsumerConfiguration.builder().durable("d").ackWait(Duration.ofMillis(600)), 1);
		Message message = fetchOne(subscription);
		assertThat(subscription.fetch(1, Duration.ofMillis(400))).isEmpty();
		message.inProgress();
		assertThat(subscription.fetch(1, Duration.ofMillis(400))).isEmpty();
		assertThat(fetchOne(subscription).metaData().deliveredCount()).isEqualTo(2);
	}

	@Test
	void termEndsDeliveryOfTheMessage() throws Exception {
		JetStreamSubscription subscription = consumer(
				ConsumerConfiguration.builder().durable("d").ackWait(Duration.ofMillis(200)), 2);
		fetchOne(subscription).term();
		Message second = fetchOne(subscription);
		assertThat(second.metaData().streamSequence()).isEqualTo(2);
		second.ack();
		assertThat(subscription.fetch(1, Duration.ofMillis(500))).isEmpty();
		assertThat(info("d").getNumAckPending()).isZero();
	}

	@Test
	void maxDeliverCountsDeliveriesAfterNaks() throws Exception {
		JetStreamSubscription subscription = consumer(ConsumerConfiguration.builder().durable("d").maxDeliver(3), 1);
		for (int delivery = 1; delivery <= 3; delivery++) {
			Message message = fetchOne(subscription);
			assertThat(message.metaData().deliveredCount()).isEqualTo(delivery);
			message.nak();
		}
		assertThat(subscription.fetch(1, Duration.ofMillis(500))).isEmpty();
		assertThat(info("d").getNumAckPending()).isZero();
	}

	@Test
	void maxAckPendingHoldsBackDeliveriesUntilAnAck() throws Exception {
		JetStreamSubscription subscription = consumer(ConsumerConfiguration.builder().durable("d").maxAckPending(2), 4);
		List<Message> firstTwo = subscription.fetch(4, Duration.ofMillis(500));
		assertThat(firstTwo).hasSize(2);
		firstTwo.get(0).ackSync(Duration.ofSeconds(2));
		List<Message> next = subscription.fetch(4, Duration.ofMillis(500));
		assertThat(next).hasSize(1);
		assertThat(next.get(0).metaData().streamSequence()).isEqualTo(3);
	}

	@Test
	void ackAllAcknowledgesEarlierDeliveries() throws Exception {
		JetStreamSubscription subscription = consumer(ConsumerConfiguration.builder().durable("d").ackPolicy(AckPolicy.All), 3);
		List<Message> messages = subscription.fetch(3, Duration.ofSeconds(1));
		messages.get(1).ackSync(Duration.ofSeconds(2));
		ConsumerInfo info = info("d");
		assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(2);
		assertThat(info.getNumAckPending()).isEqualTo(1);
	}

	@Test
	void workQueueRemovesAcknowledgedMessages() throws Exception {
		this.broker.management().addStream(StreamConfiguration.builder().name("W").subjects("w.>")
			.retentionPolicy(RetentionPolicy.WorkQueue).storageType(StorageType.File).build());
		for (int i = 0; i < 5; i++) {
			this.js.publish("w.a", new byte[] { 1 });
		}
		this.broker.management().addOrUpdateConsumer("W", ConsumerConfiguration.builder().durable("q").build());
		JetStreamSubscription subscription = this.js.subscribe(null, PullSubscribeOptions.bind("W", "q"));
		for (Message message : subscription.fetch(3, Duration.ofSeconds(1))) {
			message.ackSync(Duration.ofSeconds(2));
		}
		var state = this.broker.management().getStreamInfo("W").getStreamState();
		assertThat(state.getMsgCount()).isEqualTo(2);
		assertThat(state.getFirstSequence()).isEqualTo(4);
	}

	private JetStreamSubscription consumer(ConsumerConfiguration.Builder config, int messages) throws Exception {
		for (int i = 1; i <= messages; i++) {
			this.js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
		}
		ConsumerConfiguration configuration = config.build();
		this.broker.management().addOrUpdateConsumer("S", configuration);
		return this.js.subscribe(null, PullSubscribeOptions.bind("S", configuration.getDurable()));
	}

	private static Message fetchOne(JetStreamSubscription subscription) {
		List<Message> messages = subscription.fetch(1, Duration.ofSeconds(3));
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private ConsumerInfo info(String name) throws Exception {
		return this.broker.management().getConsumerInfo("S", name);
	}
}
