package io.github.natsspring.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The demo's REST flows end to end: HTTP on a random port, the embedded broker with JetStream on a random port,
 * storing in a temporary directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nats.embedded.port=0")
class DemoApplicationTests {

	@TempDir
	static Path storeDir;

	@LocalServerPort
	int port;

	private RestClient http;

	@DynamicPropertySource
	static void storeInTemporaryDirectory(DynamicPropertyRegistry registry) {
		registry.add("nats.embedded.jetstream.store-dir", () -> storeDir.toString());
	}

	@BeforeEach
	void createClient() {
		this.http = RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void postedOrdersAreStoredInTheStreamAndProcessedOnceByTheWorker() {
		List<AcceptedOrder> accepted = List.of(order("pen", 1), order("ink", 2), order("notebook", 3));
		assertThat(accepted).extracting(AcceptedOrder::stream).containsOnly(OrderStream.NAME);
		assertThat(accepted).extracting(AcceptedOrder::sequence).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(processed())
			.extracting(ProcessedOrder::order)
			.containsAll(accepted.stream().map(AcceptedOrder::order).toList()));
		for (AcceptedOrder order : accepted) {
			assertThat(processed()).filteredOn((entry) -> entry.order().equals(order.order()))
				.singleElement()
				.satisfies((entry) -> assertThat(entry.sequence()).isEqualTo(order.sequence()));
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(backlog()).isEqualTo(new OrderBacklog(backlog().stored(), 0, 0)));
	}

	@Test
	void postedOrdersAppearInTheInstancesFeed() {
		String id = order("notebook", 2).order().id();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.http.get()
			.uri("/orders/seen")
			.retrieve()
			.body(new ParameterizedTypeReference<List<Order>>() {
			})).extracting(Order::id).contains(id));
	}

	@Test
	void quoteIsAnsweredByThePricingServiceOverRequestReply() {
		Quote quote = this.http.get().uri("/quotes/notebook?quantity=3").retrieve().body(Quote.class);
		assertThat(quote.item()).isEqualTo("notebook");
		assertThat(quote.quantity()).isEqualTo(3);
		assertThat(quote.total()).isEqualByComparingTo("12.00");
	}

	@Test
	void unknownItemIsReportedAsNotFoundFromTheServiceError() {
		assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
			.isThrownBy(() -> this.http.get().uri("/quotes/unicorn").retrieve().toBodilessEntity())
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).contains("No price for item 'unicorn'"));
	}

	@Test
	void healthShowsTheEmbeddedBrokerWithJetStream() {
		String health = this.http.get().uri("/actuator/health/nats").retrieve().body(String.class);
		assertThat(health).contains("\"status\":\"UP\"")
			.contains("\"mode\":\"embedded\"")
			.contains("\"jetStream\":{\"enabled\":true");
	}

	private AcceptedOrder order(String item, int quantity) {
		ResponseEntity<AcceptedOrder> response = this.http.post()
			.uri("/orders")
			.body(new NewOrder(item, quantity))
			.retrieve()
			.toEntity(AcceptedOrder.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return response.getBody();
	}

	private List<ProcessedOrder> processed() {
		return this.http.get().uri("/orders/processed").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

	private OrderBacklog backlog() {
		return this.http.get().uri("/orders/backlog").retrieve().body(OrderBacklog.class);
	}
}
