package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.Dispatcher;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.OrderedConsumerConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Push consumers (durable, ephemeral, heartbeats, flow control), ordered consumers and the simplified API. */
class PushConsumerInteropTests extends JetStreamScenario {

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

	private static List<Message> next(Subscription subscription, int count) throws Exception {
		List<Message> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Message message = subscription.nextMessage(Duration.ofSeconds(3));
			assertThat(message).as("message %d of %d", i + 1, count).isNotNull();
			messages.add(message);
		}
		return messages;
	}

	@InteropTest
	void durablePushConsumerDeliversAndIsBoundWhileSubscribed(TargetKind kind) throws Exception {
		startWithStream(kind, 3);
		JetStreamSubscription subscription = jetStream.subscribe("s.>", PushSubscribeOptions.builder().durable("p").build());
		List<Message> messages = next(subscription, 3);
		assertThat(texts(messages)).containsExactly("m-1", "m-2", "m-3");
		messages.forEach(Message::ack);
		connection.flush(Duration.ofSeconds(2));
		ConsumerInfo info = subscription.getConsumerInfo();
		assertThat(info.isPushBound()).isTrue();
		assertThat(counters(info)).containsExactly(3L, 3L, 3L, 3L, 0L, 0L, 0L);
		jetStream.publish("s.b", utf8("m-4"));
		assertThat(text(subscription.nextMessage(Duration.ofSeconds(3)))).isEqualTo("m-4");
		subscription.unsubscribe();
		await().atMost(Duration.ofSeconds(5)).until(() -> !management.getConsumerInfo("S", "p").isPushBound());
	}

	@InteropTest
	void ephemeralPushConsumerGetsAServerSideConsumer(TargetKind kind) throws Exception {
		startWithStream(kind, 2);
		JetStreamSubscription subscription = jetStream.subscribe("s.a");
		assertThat(texts(next(subscription, 2))).containsExactly("m-1", "m-2");
		ConsumerInfo info = subscription.getConsumerInfo();
		assertThat(info.getConsumerConfiguration().getDurable()).isNull();
		assertThat(management.getConsumerNames("S")).containsExactly(info.getName());
	}

	@InteropTest
	void idleHeartbeatsCarryTheLastSequences(TargetKind kind) throws Exception {
		startWithStream(kind, 2);
		Subscription deliver = connection.subscribe("deliver.hb");
		management.addOrUpdateConsumer("S", ConsumerConfiguration.builder()
			.durable("hb")
			.deliverSubject("deliver.hb")
			.idleHeartbeat(Duration.ofMillis(200))
			.build());
		List<Message> data = next(deliver, 2);
		assertThat(data).noneMatch(Message::isStatusMessage);
		data.forEach(Message::ack);
		Message heartbeat = deliver.nextMessage(Duration.ofSeconds(3));
		assertThat(heartbeat.isStatusMessage()).isTrue();
		assertThat(heartbeat.getStatus().getCode()).isEqualTo(100);
		assertThat(heartbeat.getStatus().getMessage()).isEqualTo("Idle Heartbeat");
		assertThat(heartbeat.getReplyTo()).isNullOrEmpty();
		assertThat(List.of(heartbeat.getHeaders().getFirst("Nats-Last-Consumer"),
				heartbeat.getHeaders().getFirst("Nats-Last-Stream"))).containsExactly("2", "2");
	}

	@InteropTest
	void flowControlledPushConsumerDeliversEverything(TargetKind kind) throws Exception {
		startWithStream(kind, 0);
		byte[] payload = new byte[64 * 1024];
		for (int i = 0; i < 64; i++) {
			jetStream.publishAsync("s.big", payload);
		}
		jetStream.publish("s.big", payload);
		ConsumerConfiguration config = ConsumerConfiguration.builder()
			.flowControl(Duration.ofMillis(500))
			.build();
		JetStreamSubscription subscription = jetStream.subscribe("s.big",
				PushSubscribeOptions.builder().configuration(config).build());
		List<Message> messages = next(subscription, 65);
		assertThat(messages).allMatch((message) -> message.getData().length == payload.length);
		assertThat(streamSequences(messages)).doesNotHaveDuplicates().endsWith(65L);
	}

	@InteropTest
	void flowControlRequestsAreAnsweredOnTheWire(TargetKind kind) throws Exception {
		startWithStream(kind, 0);
		byte[] payload = new byte[128 * 1024];
		for (int i = 0; i < 40; i++) {
			jetStream.publishAsync("s.big", payload);
		}
		jetStream.publish("s.big", payload);
		Subscription deliver = connection.subscribe("deliver.fc");
		management.addOrUpdateConsumer("S", ConsumerConfiguration.builder()
			.durable("fc")
			.deliverSubject("deliver.fc")
			.ackPolicy(AckPolicy.None)
			.flowControl(Duration.ofSeconds(5))
			.build());
		int data = 0;
		int flowControlRequests = 0;
		while (data < 41) {
			Message message = deliver.nextMessage(Duration.ofSeconds(3));
			assertThat(message).as("after %d messages", data).isNotNull();
			if (message.isStatusMessage() && message.getStatus().getMessage().equals("FlowControl Request")) {
				flowControlRequests++;
				assertThat(message.getReplyTo()).startsWith("$JS.FC.S.fc.");
				connection.publish(message.getReplyTo(), null);
			}
			else if (!message.isStatusMessage()) {
				data++;
			}
		}
		assertThat(flowControlRequests).isPositive();
	}

	@InteropTest
	void orderedPushSubscriptionDeliversInStreamOrder(TargetKind kind) throws Exception {
		startWithStream(kind, 5);
		JetStreamSubscription subscription = jetStream.subscribe("s.>", PushSubscribeOptions.builder().ordered(true).build());
		assertThat(streamSequences(next(subscription, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);
		ConsumerConfiguration config = subscription.getConsumerInfo().getConsumerConfiguration();
		assertThat(config.getMaxDeliver()).isEqualTo(1);
		jetStream.publish("s.z", utf8("m-6"));
		assertThat(text(subscription.nextMessage(Duration.ofSeconds(3)))).isEqualTo("m-6");
	}

	@InteropTest
	void orderedConsumerContextFetchesNextsAndConsumes(TargetKind kind) throws Exception {
		startWithStream(kind, 4);
		OrderedConsumerContext ordered = connection.getStreamContext("S")
			.createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject("s.>"));
		assertThat(text(ordered.next(Duration.ofSeconds(2)))).isEqualTo("m-1");
		List<Message> fetched = new ArrayList<>();
		FetchConsumer fetch = ordered.fetchMessages(2);
		for (Message message = fetch.nextMessage(); message != null; message = fetch.nextMessage()) {
			fetched.add(message);
		}
		assertThat(texts(fetched)).containsExactly("m-2", "m-3");
		List<String> consumed = new CopyOnWriteArrayList<>();
		try (MessageConsumer consumer = ordered.consume((message) -> consumed.add(text(message)))) {
			jetStream.publish("s.b", utf8("m-5"));
			await().atMost(Duration.ofSeconds(5)).until(() -> consumed.size() == 2);
			assertThat(consumed).containsExactly("m-4", "m-5");
		}
	}

	@InteropTest
	void consumerContextConsumesWithAcks(TargetKind kind) throws Exception {
		startWithStream(kind, 3);
		ConsumerContext consumer = connection.getStreamContext("S")
			.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("c").build());
		List<Long> consumed = new CopyOnWriteArrayList<>();
		try (MessageConsumer running = consumer.consume((message) -> {
			consumed.add(message.metaData().streamSequence());
			message.ack();
		})) {
			publish(jetStream, "s.b", "n", 2);
			await().atMost(Duration.ofSeconds(5)).until(() -> consumed.size() == 5);
		}
		assertThat(consumed).containsExactly(1L, 2L, 3L, 4L, 5L);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(counters(consumer.getConsumerInfo())).containsExactly(5L, 5L, 5L, 5L, 0L, 0L,
					0L));
		assertThat(connection.getStreamContext("S").getConsumerContext("c").getConsumerName()).isEqualTo("c");
	}

	@InteropTest
	void pushConsumerOnADispatcherRedeliversWhatWasNotAcked(TargetKind kind) throws Exception {
		startWithStream(kind, 2);
		Dispatcher dispatcher = connection.createDispatcher();
		List<String> deliveries = new CopyOnWriteArrayList<>();
		jetStream.subscribe("s.>", dispatcher, (message) -> {
			deliveries.add(text(message) + "#" + message.metaData().deliveredCount());
			if (message.metaData().streamSequence() == 2 || message.metaData().deliveredCount() > 1) {
				message.ack();
			}
		}, false, PushSubscribeOptions.builder()
			.durable("dp")
			.configuration(ConsumerConfiguration.builder().ackWait(Duration.ofMillis(300)).build())
			.build());
		await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() == 3);
		assertThat(deliveries).containsExactly("m-1#1", "m-2#1", "m-1#2");
	}
}
