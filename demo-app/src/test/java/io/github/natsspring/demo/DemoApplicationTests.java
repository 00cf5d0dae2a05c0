package io.github.natsspring.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.natsspring.test.EmbeddedNats;
import io.github.natsspring.test.EmbeddedNatsServer;
import io.github.natsspring.test.SubjectRecorder;
import io.nats.client.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The demo's REST flows end to end: HTTP on a random port, NATS on an {@code @EmbeddedNats} test broker on a
 * random port, restarted mid-test to show the order flow survives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nats.reconnect-wait=50ms")
@EmbeddedNats
class DemoApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedNatsServer nats;

	private RestClient http;

	@BeforeEach
	void createClient() {
		this.http = RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void postedOrdersAreProcessedByTheWorkers() {
		List<String> ids = List.of(order("pen", 1), order("ink", 2), order("notebook", 3));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(processedIds()).containsAll(ids));
	}

	@Test
	void eachOrderIsProcessedOnceByTheQueueGroup() {
		String id = order("pen", 5);
		await().atMost(Duration.ofSeconds(10)).until(() -> processedIds().contains(id));
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> processedIds().stream().filter(id::equals).count() == 1);
	}

	@Test
	void postedOrdersAppearInTheInstancesFeed() {
		String id = order("notebook", 2);
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
	void ordersPostedAfterTheBrokerRestartsAreStillProcessed() {
		this.nats.restart();
		String id = order("pen", 7);
		await().atMost(Duration.ofSeconds(10)).until(() -> processedIds().contains(id));
	}

	@Test
	void workersReceiveOrdersPublishedOnTheBroker() throws Exception {
		try (SubjectRecorder created = this.nats.record(OrderSubjects.CREATED)) {
			String id = order("ink", 4);
			Message event = created.awaitMessage((message) -> new String(message.getData(), StandardCharsets.UTF_8)
				.contains(id), Duration.ofSeconds(10));
			assertThat(event.getSubject()).isEqualTo(OrderSubjects.CREATED);
		}
	}

	@Test
	void healthShowsTheConnectionToTheTestBroker() {
		String health = this.http.get().uri("/actuator/health/nats").retrieve().body(String.class);
		assertThat(health).contains("\"status\":\"UP\"").contains("\"url\":\"" + this.nats.getUrl() + "\"");
	}

	private String order(String item, int quantity) {
		ResponseEntity<Order> response = this.http.post()
			.uri("/orders")
			.body(new NewOrder(item, quantity))
			.retrieve()
			.toEntity(Order.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return response.getBody().id();
	}

	private List<String> processedIds() {
		List<ProcessedOrder> processed = this.http.get()
			.uri("/orders/processed")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return processed.stream().map((entry) -> entry.order().id()).toList();
	}
}
