package io.github.natsspring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsHealthContributorAutoConfiguration;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NatsListenerShutdownTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final NatsTestServer server = new NatsTestServer();

	@Test
	void closingTheContextHandlesEveryMessageAlreadyReceived() throws Exception {
		ConfigurableApplicationContext context = run(SlowWorker.class);
		SlowWorker worker = context.getBean(SlowWorker.class);
		List<String> items = IntStream.range(0, 60).mapToObj((i) -> "item-" + i).toList();
		try (Connection client = Nats.connect(server.url())) {
			items.forEach((item) -> client.publish("slow.work", item.getBytes(StandardCharsets.UTF_8)));
			client.flush(TIMEOUT);
			await().until(() -> !worker.handled.isEmpty());
			int handledBeforeClose = worker.handled.size();

			context.close();

			assertThat(handledBeforeClose).isLessThan(items.size());
		}

		assertThat(worker.handled).containsExactlyInAnyOrderElementsOf(items);
	}

	@Test
	void closingTheContextSendsTheRepliesOfAsynchronousResultsStillRunning() throws Exception {
		ConfigurableApplicationContext context = run(SlowResponder.class);
		SlowResponder responder = context.getBean(SlowResponder.class);
		try (Connection client = Nats.connect(server.url())) {
			List<CompletableFuture<Message>> replies = IntStream.range(0, 5)
				.mapToObj((i) -> client.requestWithTimeout("slow.quote", ("q" + i).getBytes(StandardCharsets.UTF_8),
						TIMEOUT))
				.toList();
			await().until(() -> responder.started.get() == replies.size());

			context.close();

			assertThat(replies).allSatisfy((reply) -> assertThat(reply).succeedsWithin(TIMEOUT)
				.extracting((message) -> new String(message.getData(), StandardCharsets.UTF_8))
				.asString()
				.startsWith("done q"));
		}
	}

	private static ConfigurableApplicationContext run(Class<?> listenerBean) {
		return new SpringApplicationBuilder(ListenerApplication.class, listenerBean)
			.properties("test.nats.url=" + server.url(), "spring.main.banner-mode=off")
			.run();
	}

	/**
	 * A plain connection without the connection auto-configuration, whose connection drain would hide a
	 * listener that drops messages, nor the health indicator, which needs that auto-configuration.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration(exclude = { NatsAutoConfiguration.class, NatsHealthContributorAutoConfiguration.class })
	static class ListenerApplication {

		@Bean
		Connection natsConnection(@Value("${test.nats.url}") String url) throws Exception {
			return Nats.connect(url);
		}
	}

	static class SlowWorker {

		final Queue<String> handled = new ConcurrentLinkedQueue<>();

		@NatsListener(subjects = "slow.work", queue = "slow", concurrency = "2")
		void handle(String item) throws InterruptedException {
			Thread.sleep(50);
			this.handled.add(item);
		}
	}

	static class SlowResponder {

		final AtomicInteger started = new AtomicInteger();

		@NatsListener("slow.quote")
		CompletableFuture<String> quote(String request) {
			this.started.incrementAndGet();
			return CompletableFuture.supplyAsync(() -> "done " + request,
					CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
		}
	}
}
