package io.github.natsspring.demo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two demo instances forming a cluster, as the demo's README runs them but on random ports: an order posted to one
 * shows up in the feed of the other, and is processed once across both.
 */
class DemoClusterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void anOrderPostedToOneInstanceReachesTheFeedOfTheOtherAndIsProcessedOnce() {
		try (ConfigurableApplicationContext first = run("--nats.embedded.cluster.port=0")) {
			int clusterPort = first.getEnvironment().getRequiredProperty("local.nats.cluster-port", Integer.class);
			try (ConfigurableApplicationContext second = run("--nats.embedded.cluster.port=0",
					"--nats.embedded.cluster.routes=nats://127.0.0.1:" + clusterPort)) {
				RestClient firstHttp = http(first);
				RestClient secondHttp = http(second);
				await().atMost(TIMEOUT).untilAsserted(() -> {
					Order order = firstHttp.post()
						.uri("/orders")
						.body(new NewOrder("pen", 3))
						.retrieve()
						.body(Order.class);
					assertThat(seen(secondHttp)).extracting(Order::id).contains(order.id());
				});
				List<Order> crossed = seen(secondHttp);
				String id = crossed.get(crossed.size() - 1).id();
				await().atMost(TIMEOUT)
					.until(() -> processedCount(firstHttp, id) + processedCount(secondHttp, id) == 1);
			}
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--server.port=0";
		all[1] = "--nats.embedded.port=0";
		all[2] = "--nats.embedded.cluster.name=orders";
		System.arraycopy(args, 0, all, 3, args.length);
		return SpringApplication.run(DemoApplication.class, all);
	}

	private static RestClient http(ConfigurableApplicationContext context) {
		return RestClient.create(
				"http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	private static List<Order> seen(RestClient http) {
		return http.get().uri("/orders/seen").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

	private static long processedCount(RestClient http, String id) {
		List<ProcessedOrder> processed = http.get()
			.uri("/orders/processed")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return processed.stream().filter((entry) -> entry.order().id().equals(id)).count();
	}
}
