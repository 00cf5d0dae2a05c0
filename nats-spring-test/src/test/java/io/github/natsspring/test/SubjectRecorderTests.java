package io.github.natsspring.test;

import java.time.Duration;
import java.util.List;

import io.nats.client.Connection;
import io.nats.client.Message;
import org.junit.jupiter.api.Test;

import static io.github.natsspring.test.EmbeddedNatsWithoutSpringTests.bytes;
import static io.github.natsspring.test.EmbeddedNatsWithoutSpringTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Waiting for messages with a {@link SubjectRecorder}, on a real broker.
 */
@EmbeddedNats
class SubjectRecorderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration SHORT = Duration.ofMillis(200);

	@Test
	void awaitingMessagesReturnsThemInOrderOnceEnoughHaveArrived(Connection connection) {
		try (SubjectRecorder recorder = SubjectRecorder.subscribe(connection, "numbers.>")) {
			for (int i = 1; i <= 3; i++) {
				connection.publish("numbers." + i, bytes("n" + i));
			}
			List<Message> received = recorder.awaitMessages(3, TIMEOUT);
			assertThat(received).extracting(SubjectRecorderTests::describe)
				.containsExactly("numbers.1=n1", "numbers.2=n2", "numbers.3=n3");
		}
	}

	@Test
	void tooFewMessagesInTimeFailWithWhatDidArrive(Connection connection) {
		try (SubjectRecorder recorder = SubjectRecorder.subscribe(connection, "orders")) {
			connection.publish("orders", bytes("only one"));
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> recorder.awaitMessages(2, SHORT))
				.withMessage("Expected 2 messages on 'orders' within PT0.2S, received 1: [orders 'only one']");
		}
	}

	@Test
	void noMessageAtAllIsReportedAsNone(Connection connection) {
		try (SubjectRecorder recorder = SubjectRecorder.subscribe(connection, "silence")) {
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> recorder.awaitMessages(1, SHORT))
				.withMessage("Expected 1 message on 'silence' within PT0.2S, received none");
		}
	}

	@Test
	void awaitingAMatchingMessageSkipsThoseThatDoNotMatch(Connection connection) {
		try (SubjectRecorder recorder = SubjectRecorder.subscribe(connection, "events")) {
			connection.publish("events", bytes("created"));
			connection.publish("events", bytes("shipped"));
			Message shipped = recorder.awaitMessage((message) -> text(message).equals("shipped"), TIMEOUT);
			assertThat(text(shipped)).isEqualTo("shipped");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> recorder.awaitMessage((message) -> text(message).equals("lost"), SHORT))
				.withMessage("Expected a matching message on 'events' within PT0.2S, received 2:"
						+ " [events 'created', events 'shipped']");
		}
	}

	@Test
	void clearingForgetsWhatArrivedSoTheNextWaitCountsFromThen(Connection connection) {
		try (SubjectRecorder recorder = SubjectRecorder.subscribe(connection, "ticks")) {
			connection.publish("ticks", bytes("before"));
			recorder.awaitMessages(1, TIMEOUT);
			recorder.clear();
			connection.publish("ticks", bytes("after"));
			assertThat(recorder.awaitMessages(1, TIMEOUT)).extracting(SubjectRecorderTests::describe)
				.containsExactly("ticks=after");
		}
	}

	@Test
	void closingARecorderOnAGivenConnectionUnsubscribesAndLeavesTheConnectionOpen(Connection connection,
			EmbeddedNatsServer server) {
		SubjectRecorder recorder = SubjectRecorder.subscribe(connection, "closing");
		recorder.close();
		assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		await()
			.atMost(TIMEOUT)
			.until(() -> server.getBroker().getSubscriptionCount() == 0);
	}

	@Test
	void aRecorderFromTheServerClosesTheConnectionItOpened(EmbeddedNatsServer server) throws Exception {
		SubjectRecorder recorder = server.record("own");
		try (Connection publisher = server.connect()) {
			publisher.publish("own", bytes("hi"));
			assertThat(recorder.awaitMessages(1, TIMEOUT)).hasSize(1);
		}
		recorder.close();
		await().atMost(TIMEOUT).until(() -> server.getBroker().getConnectionCount() == 0);
	}

	@Test
	void aCountBelowOneIsRefused(Connection connection) {
		try (SubjectRecorder recorder = SubjectRecorder.subscribe(connection, "any")) {
			assertThatIllegalArgumentException().isThrownBy(() -> recorder.awaitMessages(0, SHORT))
				.withMessage("count must be at least 1, was 0");
		}
	}

	private static String describe(Message message) {
		return message.getSubject() + "=" + text(message);
	}
}
