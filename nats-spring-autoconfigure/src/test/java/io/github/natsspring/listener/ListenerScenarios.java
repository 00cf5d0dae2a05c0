package io.github.natsspring.listener;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.core.NatsHeaders;
import io.nats.client.Connection;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * An application with one listener per scenario of {@link NatsListenerIntegrationTests}, on the
 * auto-configured connection and JSON converter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ListenerScenarios {

	@Bean
	Validator orderValidator() {
		return new Validator() {

			@Override
			public boolean supports(Class<?> type) {
				return Order.class.isAssignableFrom(type);
			}

			@Override
			public void validate(Object target, Errors errors) {
				if (target instanceof Order order && order.quantity() <= 0) {
					errors.reject("quantity.positive", "quantity must be positive");
				}
			}
		};
	}

	@Bean
	RecordingErrorHandler recordingErrorHandler() {
		return new RecordingErrorHandler();
	}

	@Bean
	Listeners listeners() {
		return new Listeners();
	}

	record Order(String item, int quantity) {
	}

	record Quote(String item, int quantity, long totalCents) {
	}

	static class RecordingErrorHandler implements NatsListenerErrorHandler {

		final Queue<String> failures = new ConcurrentLinkedQueue<>();

		@Override
		public void handleError(String listenerId, io.nats.client.Message message, Throwable error) {
			this.failures.add(listenerId + " " + message.getSubject() + " " + error.getMessage());
		}
	}

	static class Listeners {

		final Queue<String> greetings = new ConcurrentLinkedQueue<>();

		final Queue<String> workItems = new ConcurrentLinkedQueue<>();

		final Set<Long> workThreads = ConcurrentHashMap.newKeySet();

		@NatsListener("greetings.plain")
		void greet(String text) {
			this.greetings.add(text);
		}

		@NatsListener(subjects = "work.items", queue = "workers", concurrency = "3")
		void work(String item) {
			this.workItems.add(item);
			this.workThreads.add(Thread.currentThread().getId());
		}

		@NatsListener("orders.quote")
		Quote quote(Order order) {
			return new Quote(order.item(), order.quantity(), order.quantity() * 250L);
		}

		@NatsListener("orders.quotes")
		List<Quote> quotes(List<Order> orders) {
			return orders.stream().map(this::quote).toList();
		}

		@NatsListener(subjects = "orders.broken", id = "broken", errorHandler = "recordingErrorHandler")
		Quote broken(Order order) {
			throw new IllegalStateException("pricing is down\nfor " + order.item());
		}

		@NatsListener("orders.unknown")
		Quote unknown(Order order) {
			throw new NatsServiceException(404, "no such item: " + order.item());
		}

		@NatsListener("orders.checked")
		Quote checked(@Validated Order order) {
			return quote(order);
		}

		@NatsListener("orders.async")
		CompletableFuture<Quote> quoteLater(Order order) {
			return CompletableFuture.supplyAsync(() -> quote(order));
		}

		@NatsListener("orders.async-broken")
		CompletableFuture<Quote> failLater(Order order) {
			return CompletableFuture.failedFuture(new NatsServiceException(503, "try later"));
		}

		@NatsListener("headers.echo")
		String echoHeaders(@Payload String body, @Header("X-Trace") String trace, @Header("X-Tag") List<String> tags,
				@Header(NatsHeaders.SUBJECT) String subject, @Header(NatsHeaders.REPLY_TO) String replyTo,
				@org.springframework.messaging.handler.annotation.Headers Map<String, Object> headers) {
			return String.join("|", body, trace, String.join(",", tags), subject,
					Boolean.toString(replyTo.startsWith("_INBOX.")), Boolean.toString(headers.containsKey("X-Trace")));
		}

		@NatsListener("orders.wrapped")
		String wrapped(org.springframework.messaging.Message<List<Order>> message) {
			return message.getPayload().get(0).item() + " via " + message.getHeaders().get(NatsHeaders.SUBJECT);
		}

		@NatsListener("raw.echo")
		String raw(io.nats.client.Message message, Connection connection) {
			return message.getSubject() + " " + connection.getStatus();
		}

		@NatsListener(subjects = "${test.placeholder-subject}", id = "${test.placeholder-id}")
		String placeholder(String text) {
			return "placeholder " + text;
		}

		@NatsListener("forward.in")
		@SendTo("${test.forward-subject}")
		String forward(String text) {
			return text.toUpperCase();
		}

		@NatsListener(subjects = "switchable", id = "switchable")
		String switchable(String text) {
			return "on " + text;
		}
	}
}
