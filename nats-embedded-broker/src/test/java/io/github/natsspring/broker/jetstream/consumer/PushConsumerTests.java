package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push and ordered consumers over the wire with jnats.
 */
class PushConsumerTests {

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
	void durablePushSubscriptionGetsStoredAndNewMessages() throws Exception {
		JetStream js = this.broker.connection().jetStream();
		publish(js, "s.a", 3);
		JetStreamSubscription subscription = js.subscribe("s.>",
				PushSubscribeOptions.builder().durable("p1").build());
		List<String> received = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Message message = subscription.nextMessage(Duration.ofSeconds(2));
			received.add(text(message));
			message.ack();
		}
		js.publish("s.b", "late".getBytes(StandardCharsets.UTF_8));
		Message late = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(late.getSubject()).isEqualTo("s.b");
		received.add(text(late));
		assertThat(received).containsExactly("m1", "m2", "m3", "late");
		ConsumerInfo info = this.broker.management().getConsumerInfo("S", "p1");
		assertThat(info.isPushBound()).isTrue();
	}

	@Test
	void ephemeralPushWithDispatcherAndFlowControl() throws Exception {
		Connection connection = this.broker.connection();
		JetStream js = connection.jetStream();
		publish(js, "s.a", 50);
		List<String> received = new CopyOnWriteArrayList<>();
		Dispatcher dispatcher = connection.createDispatcher();
		js.subscribe("s.>", dispatcher, (message) -> {
			received.add(text(message));
			message.ack();
		}, false, PushSubscribeOptions.builder()
			.configuration(ConsumerConfiguration.builder().flowControl(Duration.ofMillis(500)).build())
			.build());
		await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 50);
		assertThat(received.get(49)).isEqualTo("m50");
	}

	@Test
	void orderedPushSubscriptionDeliversEverythingInOrder() throws Exception {
		JetStream js = this.broker.connection().jetStream();
		publish(js, "s.a", 20);
		JetStreamSubscription subscription = js.subscribe("s.>", PushSubscribeOptions.builder().ordered(true).build());
		List<String> received = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			received.add(text(subscription.nextMessage(Duration.ofSeconds(2))));
		}
		assertThat(received).hasSize(20).startsWith("m1").endsWith("m20");
	}

	@Test
	void orderedPullConsumerOfTheStreamContext() throws Exception {
		JetStream js = this.broker.connection().jetStream();
		publish(js, "s.a", 10);
		OrderedConsumerContext ordered = js.getStreamContext("S")
			.createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject("s.>").deliverPolicy(DeliverPolicy.All));
		List<String> received = new ArrayList<>();
		try (var fetch = ordered.fetchMessages(10)) {
			Message message;
			while ((message = fetch.nextMessage()) != null) {
				received.add(text(message));
			}
		}
		assertThat(received).hasSize(10).startsWith("m1").endsWith("m10");
	}

	@Test
	void pushConsumerWithoutInterestIsNotBoundAndDeliversOnceSubscribed() throws Exception {
		Connection connection = this.broker.connection();
		JetStream js = connection.jetStream();
		publish(js, "s.a", 2);
		this.broker.management().addOrUpdateConsumer("S", ConsumerConfiguration.builder()
			.durable("later").deliverSubject("deliver.later").build());
		assertThat(this.broker.management().getConsumerInfo("S", "later").isPushBound()).isFalse();
		var subscription = connection.subscribe("deliver.later");
		Message first = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(first).isNotNull();
		assertThat(text(first)).isEqualTo("m1");
		assertThat(first.getReplyTo()).startsWith("$JS.ACK.S.later.1.1.1.");
	}

	private static void publish(JetStream js, String subject, int count) throws Exception {
		for (int i = 1; i <= count; i++) {
			js.publish(subject, ("m" + i).getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String text(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}
}
