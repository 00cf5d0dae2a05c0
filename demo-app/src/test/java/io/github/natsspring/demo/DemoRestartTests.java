package io.github.natsspring.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's restart sequence on random ports: orders posted while the worker is stopped wait in the stream
 * through a restart of the application and its embedded broker, are processed by the next run, and what was
 * processed is still listed after one more restart.
 */
class DemoRestartTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path storeDir;

	@Test
	void ordersPostedBeforeARestartAreProcessedAfterIt() {
		List<Order> posted;
		try (ConfigurableApplicationContext first = run("--demo.worker.auto-startup=false")) {
			RestClient http = http(first);
			posted = List.of(post(http, "pen", 1), post(http, "ink", 2), post(http, "notebook", 3));
			assertThat(backlog(http)).isEqualTo(new OrderBacklog(3, 3, 0));
			assertThat(processed(http)).isEmpty();
		}
		try (ConfigurableApplicationContext second = run()) {
			RestClient http = http(second);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(processed(http)).extracting(ProcessedOrder::order)
					.containsExactlyElementsOf(posted));
			await().atMost(TIMEOUT).until(() -> backlog(http).equals(new OrderBacklog(3, 0, 0)));
		}
		try (ConfigurableApplicationContext third = run("--demo.worker.auto-startup=false")) {
			RestClient http = http(third);
			assertThat(processed(http)).extracting(ProcessedOrder::order).containsExactlyElementsOf(posted);
			assertThat(backlog(http)).isEqualTo(new OrderBacklog(3, 0, 0));
		}
	}

	private ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--server.port=0";
		all[1] = "--nats.embedded.port=0";
		all[2] = "--nats.embedded.jetstream.store-dir=" + this.storeDir;
		System.arraycopy(args, 0, all, 3, args.length);
		return SpringApplication.run(DemoApplication.class, all);
	}

	private static RestClient http(ConfigurableApplicationContext context) {
		return RestClient.create(
				"http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	private static Order post(RestClient http, String item, int quantity) {
		return http.post().uri("/orders").body(new NewOrder(item, quantity)).retrieve().body(AcceptedOrder.class).order();
	}

	private static OrderBacklog backlog(RestClient http) {
		return http.get().uri("/orders/backlog").retrieve().body(OrderBacklog.class);
	}

	private static List<ProcessedOrder> processed(RestClient http) {
		return http.get().uri("/orders/processed").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}
}
