package io.github.natsspring.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.ServerInfo;
import io.nats.client.impl.Headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Publishing and subscribing with jnats: subjects, wildcards, headers, ordering and pipelining. */
class PublishSubscribeInteropTests extends InteropScenario {

	private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(5);

	@InteropTest
	void subscriberOnAnotherConnectionReceivesPublishedMessage(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection subscriber = connect(target);
		Subscription subscription = subscriber.subscribe("greetings");
		subscriber.flush(RECEIVE_TIMEOUT);
		Connection publisher = connect(target);

		publisher.publish("greetings", "reply.here", bytes("hello"));

		Message message = subscription.nextMessage(RECEIVE_TIMEOUT);
		assertThat(message).isNotNull();
		assertThat(message.getSubject()).isEqualTo("greetings");
		assertThat(message.getReplyTo()).isEqualTo("reply.here");
		assertThat(text(message)).isEqualTo("hello");
	}

	@InteropTest
	void starWildcardMatchesExactlyOneToken(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection connection = connect(target);
		Subscription subscription = connection.subscribe("orders.*.created");
		connection.flush(RECEIVE_TIMEOUT);

		for (String subject : List.of("orders.eu.created", "orders.created", "orders.eu.fr.created", "orders.us.created",
				"orders.eu.deleted")) {
			connection.publish(subject, bytes(subject));
		}
		connection.flush(RECEIVE_TIMEOUT);

		assertThat(drainSubjects(subscription, 2)).containsExactly("orders.eu.created", "orders.us.created");
		assertThat(subscription.nextMessage(Duration.ofMillis(200))).isNull();
	}

	@InteropTest
	void fullWildcardMatchesOneOrMoreTrailingTokens(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection connection = connect(target);
		Subscription subscription = connection.subscribe("metrics.>");
		connection.flush(RECEIVE_TIMEOUT);

		for (String subject : List.of("metrics", "metrics.cpu", "metrics.cpu.core0", "other.cpu")) {
			connection.publish(subject, bytes(subject));
		}
		connection.flush(RECEIVE_TIMEOUT);

		assertThat(drainSubjects(subscription, 2)).containsExactly("metrics.cpu", "metrics.cpu.core0");
		assertThat(subscription.nextMessage(Duration.ofMillis(200))).isNull();
	}

	@InteropTest
	void headersRoundTripWithRepeatedValues(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection subscriber = connect(target);
		Subscription subscription = subscriber.subscribe("with.headers");
		subscriber.flush(RECEIVE_TIMEOUT);
		Connection publisher = connect(target);
		Headers headers = new Headers().add("Trace-Id", "abc-123").add("Tag", "first", "second");

		publisher.publish("with.headers", headers, bytes("body"));

		Message message = subscription.nextMessage(RECEIVE_TIMEOUT);
		assertThat(message).isNotNull();
		assertThat(message.hasHeaders()).isTrue();
		assertThat(message.getHeaders().get("Trace-Id")).containsExactly("abc-123");
		assertThat(message.getHeaders().get("Tag")).containsExactly("first", "second");
		assertThat(text(message)).isEqualTo("body");
	}

	@InteropTest
	void messagesFromOnePublisherArriveInPublishOrder(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection subscriber = connect(target);
		Queue<Integer> received = new ConcurrentLinkedQueue<>();
		subscriber.createDispatcher(message -> received.add(Integer.parseInt(text(message)))).subscribe("sequence");
		subscriber.flush(RECEIVE_TIMEOUT);
		Connection publisher = connect(target);
		int count = 10_000;

		for (int i = 0; i < count; i++) {
			publisher.publish("sequence", bytes(Integer.toString(i)));
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= count);
		assertThat(received).containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
	}

	@InteropTest
	void tenThousandPipelinedPublishesWithAndWithoutHeadersAllArriveIntact(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection subscriber = connect(target);
		Queue<Message> received = new ConcurrentLinkedQueue<>();
		subscriber.createDispatcher(received::add).subscribe("burst.>");
		subscriber.flush(RECEIVE_TIMEOUT);
		Connection publisher = connect(target);
		int count = 10_000;

		for (int i = 0; i < count; i++) {
			String subject = "burst." + (i % 7);
			byte[] payload = bytes(Integer.toString(i).repeat(1 + i % 50));
			if (i % 2 == 0) {
				publisher.publish(subject, new Headers().add("N", Integer.toString(i)), payload);
			}
			else {
				publisher.publish(subject, payload);
			}
		}
		publisher.flush(RECEIVE_TIMEOUT);

		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= count);
		int i = 0;
		for (Message message : received) {
			assertThat(message.getSubject()).isEqualTo("burst." + (i % 7));
			assertThat(text(message)).isEqualTo(Integer.toString(i).repeat(1 + i % 50));
			assertThat(message.hasHeaders()).isEqualTo(i % 2 == 0);
			i++;
		}
		assertThat(i).isEqualTo(count);
	}

	@InteropTest
	void jnatsSeesTheServerInfoItNeeds(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);

		ServerInfo info = connect(target).getServerInfo();

		assertThat(info.getServerId()).isNotBlank();
		assertThat(info.getProtocolVersion()).isEqualTo(1);
		assertThat(info.isHeadersSupported()).isTrue();
		assertThat(info.isAuthRequired()).isFalse();
		assertThat(info.getMaxPayload()).isEqualTo(1024 * 1024);
		assertThat(info.getPort()).isEqualTo(target.port());
		assertThat(info.getClientIp()).isEqualTo("127.0.0.1");
		assertThat(info.getClientId()).isPositive();
	}

	@InteropTest
	void autoUnsubscribeStopsAfterTheGivenNumberOfMessages(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection connection = connect(target);
		Subscription subscription = connection.subscribe("limited");
		subscription.unsubscribe(3);
		connection.flush(RECEIVE_TIMEOUT);

		for (int i = 0; i < 5; i++) {
			connection.publish("limited", bytes(Integer.toString(i)));
		}
		connection.flush(RECEIVE_TIMEOUT);

		assertThat(drainSubjects(subscription, 3)).hasSize(3);
		assertThat(subscription.isActive()).isFalse();
		assertThat(connection.getStatistics().getInMsgs()).isEqualTo(3);
	}

	private static List<String> drainSubjects(Subscription subscription, int expected) throws InterruptedException {
		List<String> subjects = new ArrayList<>();
		for (int i = 0; i < expected; i++) {
			Message message = subscription.nextMessage(RECEIVE_TIMEOUT);
			assertThat(message).as("message %d of %d", i + 1, expected).isNotNull();
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}
}
