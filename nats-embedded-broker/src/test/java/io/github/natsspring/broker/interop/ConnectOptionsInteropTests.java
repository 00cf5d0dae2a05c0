package io.github.natsspring.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CONNECT options jnats can send, each changing what the server does for that connection. */
class ConnectOptionsInteropTests extends InteropScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@InteropTest
	void noEchoConnectionDoesNotReceiveItsOwnMessages(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection quiet = connect(options(target).noEcho());
		Subscription own = quiet.subscribe("echo");
		Connection other = connect(target);
		Subscription others = other.subscribe("echo");
		other.flush(TIMEOUT);
		quiet.flush(TIMEOUT);

		quiet.publish("echo", bytes("from quiet"));
		quiet.flush(TIMEOUT);

		assertThat(others.nextMessage(TIMEOUT)).isNotNull();
		assertThat(own.nextMessage(Duration.ofMillis(200))).isNull();
	}

	@InteropTest
	void subscriberWithoutHeadersSupportGetsThePayloadOnly(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		// no_responders needs headers: without noNoResponders the server refuses jnats' CONNECT
		Connection plain = connect(options(target).noHeaders().noNoResponders());
		Subscription subscription = plain.subscribe("mixed");
		plain.flush(TIMEOUT);
		Connection publisher = connect(target);

		publisher.publish("mixed", new Headers().add("Trace-Id", "abc"), bytes("payload"));

		Message message = subscription.nextMessage(TIMEOUT);
		assertThat(message).isNotNull();
		assertThat(message.hasHeaders()).isFalse();
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("payload");
	}

	@InteropTest
	void verboseConnectionWorksThroughTheServersAcknowledgements(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection verbose = connect(options(target).verbose());
		Subscription subscription = verbose.subscribe("acknowledged");
		verbose.flush(TIMEOUT);

		for (int i = 0; i < 100; i++) {
			verbose.publish("acknowledged", bytes(Integer.toString(i)));
		}
		verbose.flush(TIMEOUT);

		for (int i = 0; i < 100; i++) {
			Message message = subscription.nextMessage(TIMEOUT);
			assertThat(message).isNotNull();
			assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(i));
		}
		assertThat(verbose.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}

	@InteropTest
	void pedanticPublishToAWildcardIsReportedYetStillDelivered(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Queue<String> errors = new ConcurrentLinkedQueue<>();
		Connection pedantic = connect(options(target).pedantic().errorListener(new ErrorListener() {
			@Override
			public void errorOccurred(Connection connection, String error) {
				errors.add(error);
			}
		}));
		Subscription subscription = pedantic.subscribe("wild.*");
		pedantic.flush(TIMEOUT);

		pedantic.publish("wild.*", bytes("literal"));
		pedantic.flush(TIMEOUT);

		await().atMost(TIMEOUT).until(() -> !errors.isEmpty());
		assertThat(errors).containsExactly("Invalid Publish Subject");
		Message message = subscription.nextMessage(TIMEOUT);
		assertThat(message).isNotNull();
		assertThat(message.getSubject()).isEqualTo("wild.*");
		assertThat(pedantic.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
