package io.github.natsspring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the application loses nothing: the connection drains (messages already received are handled,
 * buffered publishes are sent) before it closes, and in embedded mode before the broker stops.
 */
class NatsShutdownTests {

	private static final int MESSAGES = 5_000;

	private static final int IN_FLIGHT = 300;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class));

	@Test
	void messagesAlreadyReceivedAreHandledBeforeTheConnectionCloses() throws Exception {
		try (NatsServerProcess server = NatsServerProcess.start();
				Connection producer = Nats.connect(server.getUrl())) {
			AtomicInteger handled = new AtomicInteger();
			CountDownLatch firstHandled = new CountDownLatch(1);
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				Connection connection = context.getBean(Connection.class);
				connection.createDispatcher((message) -> {
					firstHandled.countDown();
					LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
					handled.incrementAndGet();
				}).subscribe("shutdown.work");
				connection.flush(Duration.ofSeconds(2));
				for (int i = 0; i < IN_FLIGHT; i++) {
					producer.publish("shutdown.work", new byte[16]);
				}
				producer.flush(Duration.ofSeconds(2));
				assertThat(firstHandled.await(5, TimeUnit.SECONDS)).isTrue();
				context.close();
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CLOSED);
				assertThat(handled).hasValue(IN_FLIGHT);
			});
		}
	}

	@Test
	void messagesPublishedRightBeforeShutdownReachSubscribersOfTheEmbeddedBroker() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0").run((context) -> {
			NatsBroker broker = context.getBean(NatsBroker.class);
			try (Connection observer = Nats
				.connect(new Options.Builder().server(broker.getClientUrl()).maxReconnects(0).build())) {
				AtomicInteger received = countMessages(observer);
				publishAndClose(context.getBean(NatsTemplate.class), context::close);
				assertThat(broker.isRunning()).isFalse();
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).hasValue(MESSAGES));
			}
		});
	}

	private static AtomicInteger countMessages(Connection observer) throws Exception {
		AtomicInteger received = new AtomicInteger();
		Dispatcher dispatcher = observer.createDispatcher((message) -> received.incrementAndGet());
		dispatcher.subscribe("shutdown.events");
		observer.flush(Duration.ofSeconds(2));
		return received;
	}

	private static void publishAndClose(NatsTemplate template, Runnable close) {
		byte[] payload = new byte[64];
		for (int i = 0; i < MESSAGES; i++) {
			template.publish("shutdown.events", payload);
		}
		close.run();
	}
}
