package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.FetchConsumeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pull consumers over the wire with jnats.
 */
class PullConsumerTests {

	@TempDir
	Path directory;

	private JetStreamBroker broker;

	@BeforeEach
	void start() throws Exception {
		this.broker = new JetStreamBroker(this.directory).start();
		this.broker.createStream("S", "s.>");
	}

	@AfterEach
	void stop() {
		this.broker.close();
	}

	@Test
	void fetchDeliversInOrderWithNineTokenAckSubjects() throws Exception {
		JetStream js = this.broker.connection().jetStream();
		for (int i = 1; i <= 5; i++) {
			js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
		}
		this.broker.management().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("d1").ackPolicy(AckPolicy.Explicit).build());
		JetStreamSubscription subscription = js.subscribe(null, PullSubscribeOptions.bind("S", "d1"));
		List<Message> messages = subscription.fetch(3, Duration.ofSeconds(2));
		assertThat(messages).extracting((message) -> new String(message.getData(), StandardCharsets.UTF_8))
			.containsExactly("m1", "m2", "m3");
		Message first = messages.get(0);
		assertThat(first.getSubject()).isEqualTo("s.a");
		assertThat(first.getReplyTo()).matches("\\$JS\\.ACK\\.S\\.d1\\.1\\.1\\.1\\.\\d+\\.4");
		assertThat(first.metaData().pendingCount()).isEqualTo(4);
		for (Message message : messages) {
			message.ackSync(Duration.ofSeconds(2));
		}
		ConsumerInfo info = this.broker.management().getConsumerInfo("S", "d1");
		assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(3);
		assertThat(info.getDelivered().getConsumerSequence()).isEqualTo(3);
		assertThat(info.getNumPending()).isEqualTo(2);
		assertThat(info.getNumAckPending()).isZero();
	}

	@Test
	void fetchEndsWhenNothingMoreArrives() throws Exception {
		JetStream js = this.broker.connection().jetStream();
		js.publish("s.a", "only".getBytes(StandardCharsets.UTF_8));
		this.broker.management().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("d1").build());
		JetStreamSubscription subscription = js.subscribe(null, PullSubscribeOptions.bind("S", "d1"));
		long start = System.nanoTime();
		List<Message> messages = subscription.fetch(10, Duration.ofMillis(500));
		assertThat(messages).hasSize(1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void simplifiedFetchOfTheStreamContext() throws Exception {
		JetStream js = this.broker.connection().jetStream();
		for (int i = 1; i <= 3; i++) {
			js.publish("s.b", ("m" + i).getBytes(StandardCharsets.UTF_8));
		}
		this.broker.management().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("c1").build());
		List<String> received = new ArrayList<>();
		try (FetchConsumer fetch = js.getStreamContext("S").getConsumerContext("c1")
			.fetch(FetchConsumeOptions.builder().maxMessages(3).expiresIn(2000).build())) {
			Message message;
			while ((message = fetch.nextMessage()) != null) {
				received.add(new String(message.getData(), StandardCharsets.UTF_8));
				message.ack();
			}
		}
		assertThat(received).containsExactly("m1", "m2", "m3");
	}
}
