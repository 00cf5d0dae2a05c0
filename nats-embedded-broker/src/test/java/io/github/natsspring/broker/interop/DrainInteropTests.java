package io.github.natsspring.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.MessageHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draining with jnats: messages already on their way when the drain starts are still handled, then the
 * subscription or connection ends.
 */
class DrainInteropTests extends InteropScenario {

	private static final int MESSAGES = 500;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@InteropTest
	void drainingASubscriptionDeliversMessagesAlreadyInFlight(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection subscriber = connect(target);
		GatedHandler handler = new GatedHandler();
		Dispatcher dispatcher = subscriber.createDispatcher(handler);
		dispatcher.subscribe("drained");
		subscriber.flush(TIMEOUT);
		publish(connect(target), "drained");
		handler.awaitFirstMessage();

		CompletableFuture<Boolean> drained = dispatcher.drain(TIMEOUT);
		handler.open();

		assertThat(drained.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(handler.received()).hasSize(MESSAGES);
		assertThat(dispatcher.isActive()).isFalse();
	}

	@InteropTest
	void drainingAConnectionDeliversMessagesAlreadyInFlightThenCloses(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection subscriber = connect(target);
		GatedHandler handler = new GatedHandler();
		subscriber.createDispatcher(handler).subscribe("drained");
		subscriber.flush(TIMEOUT);
		publish(connect(target), "drained");
		handler.awaitFirstMessage();

		CompletableFuture<Boolean> drained = subscriber.drain(TIMEOUT);
		handler.open();

		assertThat(drained.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(handler.received()).hasSize(MESSAGES);
		assertThat(subscriber.getStatus()).isEqualTo(Connection.Status.CLOSED);
	}

	private static void publish(Connection publisher, String subject) throws Exception {
		for (int i = 0; i < MESSAGES; i++) {
			publisher.publish(subject, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
		}
		publisher.flush(TIMEOUT);
	}

	/** Holds the first message until opened, so the rest pile up in the client while the drain starts. */
	private static final class GatedHandler implements MessageHandler {

		private final CountDownLatch firstMessage = new CountDownLatch(1);

		private final CountDownLatch gate = new CountDownLatch(1);

		private final Queue<String> received = new ConcurrentLinkedQueue<>();

		@Override
		public void onMessage(Message message) throws InterruptedException {
			firstMessage.countDown();
			gate.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			received.add(new String(message.getData(), StandardCharsets.UTF_8));
		}

		void awaitFirstMessage() throws InterruptedException {
			assertThat(firstMessage.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("first message arrived").isTrue();
		}

		void open() {
			gate.countDown();
		}

		Queue<String> received() {
			return received;
		}
	}
}
