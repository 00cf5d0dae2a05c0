package io.github.natsspring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsHealthContributorAutoConfiguration;
import io.nats.client.Connection;
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

	@RegisterExtension
	static final NatsTestServer server = new NatsTestServer();

	@Test
	void closingTheContextHandlesEveryMessageAlreadyReceived() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SlowWorkerApplication.class)
			.properties("test.nats.url=" + server.url(), "spring.main.banner-mode=off")
			.run();
		SlowWorker worker = context.getBean(SlowWorker.class);
		List<String> items = IntStream.range(0, 60).mapToObj((i) -> "item-" + i).toList();
		try (Connection client = Nats.connect(server.url())) {
			items.forEach((item) -> client.publish("slow.work", item.getBytes(StandardCharsets.UTF_8)));
			client.flush(Duration.ofSeconds(5));
			await().until(() -> !worker.handled.isEmpty());
			int handledBeforeClose = worker.handled.size();

			context.close();

			assertThat(handledBeforeClose).isLessThan(items.size());
		}

		assertThat(worker.handled).containsExactlyInAnyOrderElementsOf(items);
	}

	/**
	 * Without the connection auto-configuration, whose connection drain would hide a listener that drops
	 * messages, nor the health indicator, which needs that auto-configuration.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration(exclude = { NatsAutoConfiguration.class, NatsHealthContributorAutoConfiguration.class })
	static class SlowWorkerApplication {

		@Bean
		Connection natsConnection(@Value("${test.nats.url}") String url) throws Exception {
			return Nats.connect(url);
		}

		@Bean
		SlowWorker slowWorker() {
			return new SlowWorker();
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
}
