package io.github.natsspring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.core.NatsNoRespondersException;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * End-to-end behaviour of the auto-configured connection and template over real sockets, run once per mode
 * by the subclasses.
 */
abstract class NatsScenarioTests {

	@Autowired
	NatsTemplate template;

	@Autowired
	Connection connection;

	@Autowired
	HealthIndicator natsHealthIndicator;

	/** The mode the health indicator must report. */
	abstract String expectedMode();

	@Test
	void publishedObjectArrivesAsJson() throws Exception {
		Subscription subscription = this.connection.subscribe("scenario.events");
		this.connection.flush(Duration.ofSeconds(1));
		this.template.convertAndSend("scenario.events", new Quote("pen", 2.5));
		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(JsonMapper.shared().readValue(message.getData(), Quote.class)).isEqualTo(new Quote("pen", 2.5));
	}

	@Test
	void requestWithObjectsRoundTripsThroughTheResponder() {
		Quote quote = this.template.convertSendAndReceive("scenario.price", new QuoteRequest("pen", 3), Quote.class);
		assertThat(quote).isEqualTo(new Quote("pen", 4.5));
	}

	@Test
	void asyncRequestCompletesWithTheReply() throws Exception {
		CompletableFuture<Quote> quote = this.template.convertSendAndReceiveAsync("scenario.price",
				new QuoteRequest("ink", 2), Quote.class);
		assertThat(quote.get(5, TimeUnit.SECONDS)).isEqualTo(new Quote("ink", 3.0));
	}

	@Test
	void requestWithoutRespondersFailsImmediately() {
		long start = System.nanoTime();
		assertThatExceptionOfType(NatsNoRespondersException.class)
			.isThrownBy(() -> this.template.request("scenario.nobody", new byte[0], Duration.ofSeconds(10)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void healthIsUpAndNamesTheMode() {
		assertThat(this.natsHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.natsHealthIndicator.health().getDetails()).containsEntry("mode", expectedMode());
	}

	record QuoteRequest(String item, int quantity) {
	}

	record Quote(String item, double total) {
	}

	/**
	 * An application with a price responder written against plain jnats.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PriceApplication {

		@Bean(destroyMethod = "")
		Dispatcher priceResponder(Connection connection, JsonMapper jsonMapper) {
			Dispatcher dispatcher = connection.createDispatcher((message) -> {
				QuoteRequest request = jsonMapper.readValue(message.getData(), QuoteRequest.class);
				Quote quote = new Quote(request.item(), request.quantity() * 1.5);
				connection.publish(message.getReplyTo(), jsonMapper.writeValueAsBytes(quote));
			});
			dispatcher.subscribe("scenario.price");
			return dispatcher;
		}
	}
}
