package io.github.natsspring.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two demo instances forming a cluster, as the demo's README runs them but on random ports: the first holds the
 * stream, the second runs without JetStream; an order posted to the first shows up in the feed of the second and
 * is processed once.
 */
class DemoClusterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path storeDir;

	@Test
	void anOrderPostedToTheFirstInstanceReachesTheFeedOfTheSecondAndIsProcessedOnce() {
		try (ConfigurableApplicationContext first = run("--nats.embedded.cluster.port=0",
				"--nats.embedded.jetstream.store-dir=" + this.storeDir)) {
			int clusterPort = first.getEnvironment().getRequiredProperty("local.nats.cluster-port", Integer.class);
			try (ConfigurableApplicationContext second = run("--nats.embedded.cluster.port=0",
					"--nats.embedded.cluster.routes=nats://127.0.0.1:" + clusterPort, "--nats.jetstream.enabled=false")) {
				RestClient firstHttp = http(first);
				RestClient secondHttp = http(second);
				await().atMost(TIMEOUT).untilAsserted(() -> {
					Order order = firstHttp.post()
						.uri("/orders")
						.body(new NewOrder("pen", 3))
						.retrieve()
						.body(AcceptedOrder.class)
						.order();
					assertThat(seen(secondHttp)).contains(order);
				});
				List<Order> crossed = seen(secondHttp);
				Order order = crossed.get(crossed.size() - 1);
				await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processed(firstHttp))
					.filteredOn((entry) -> entry.order().equals(order))
					.hasSize(1));
				assertThatExceptionOfType(HttpClientErrorException.class)
					.isThrownBy(() -> secondHttp.get().uri("/orders/processed").retrieve().toBodilessEntity())
					.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(404));
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

	private static List<ProcessedOrder> processed(RestClient http) {
		return http.get().uri("/orders/processed").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}
}
