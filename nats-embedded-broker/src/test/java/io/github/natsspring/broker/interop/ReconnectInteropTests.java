package io.github.natsspring.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Message;
import io.nats.client.Subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** jnats reconnects when the server comes back on the same port, and its subscriptions resume. */
class ReconnectInteropTests extends InteropScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@InteropTest
	void clientReconnectsAfterRestartAndItsSubscriptionsResume(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Queue<ConnectionListener.Events> events = new ConcurrentLinkedQueue<>();
		Connection subscriber = connect(options(target).maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(50))
			.connectionListener((connection, event) -> events.add(event)));
		Subscription subscription = subscriber.subscribe("survives.restart");
		subscriber.flush(TIMEOUT);

		target.restart();

		await().atMost(TIMEOUT).until(() -> events.contains(ConnectionListener.Events.RECONNECTED));
		assertThat(events).contains(ConnectionListener.Events.DISCONNECTED);
		subscriber.flush(TIMEOUT);
		Connection publisher = connect(target);
		publisher.publish("survives.restart", "after".getBytes(StandardCharsets.UTF_8));
		Message message = subscription.nextMessage(TIMEOUT);
		assertThat(message).isNotNull();
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("after");
	}
}
