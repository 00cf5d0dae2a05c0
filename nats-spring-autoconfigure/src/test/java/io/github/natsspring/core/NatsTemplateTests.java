package io.github.natsspring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.natsspring.autoconfigure.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link NatsTemplate} against nats-server over a real socket.
 */
class NatsTemplateTests {

	private static NatsServerProcess server;

	private Connection connection;

	private NatsTemplate template;

	@BeforeAll
	static void startServer() {
		server = NatsServerProcess.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void connect() throws Exception {
		this.connection = Nats.connect(server.getUrl());
		this.template = new NatsTemplate(this.connection, new JsonNatsMessageConverter(JsonMapper.shared()));
	}

	@AfterEach
	void close() throws InterruptedException {
		this.connection.close();
	}

	@Test
	void publishDeliversBytesAndHeaders() throws Exception {
		Subscription subscription = this.connection.subscribe("raw");
		this.connection.flush(Duration.ofSeconds(1));
		Headers headers = new Headers().put("Trace", "abc");
		this.template.publish("raw", new byte[] { 1, 2, 3 }, headers);
		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(message.getData()).containsExactly(1, 2, 3);
		assertThat(message.getHeaders().getFirst("Trace")).isEqualTo("abc");
	}

	@Test
	void convertAndSendWritesObjectsAsJsonWithContentType() throws Exception {
		Subscription subscription = this.connection.subscribe("orders");
		this.connection.flush(Duration.ofSeconds(1));
		this.template.convertAndSend("orders", new Order("book", 2));
		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"item\":\"book\",\"quantity\":2}");
		assertThat(message.getHeaders().getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo("application/json");
	}

	@Test
	void convertAndSendKeepsCallerHeaders() throws Exception {
		Subscription subscription = this.connection.subscribe("orders.tagged");
		this.connection.flush(Duration.ofSeconds(1));
		this.template.convertAndSend("orders.tagged", "hello", new Headers().put("Tenant", "acme"));
		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
		assertThat(message.getHeaders().getFirst("Tenant")).isEqualTo("acme");
		assertThat(message.getHeaders().getFirst(NatsHeaders.CONTENT_TYPE)).startsWith("text/plain");
	}

	@Test
	void requestReturnsTheReply() {
		respond("echo", (message) -> message.getData());
		Message reply = this.template.request("echo", "ping".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));
		assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("ping");
	}

	@Test
	void convertSendAndReceiveRoundTripsObjectsAsJson() {
		respond("price", (message) -> {
			String json = new String(message.getData(), StandardCharsets.UTF_8);
			assertThat(json).isEqualTo("{\"item\":\"pen\",\"quantity\":3}");
			return "{\"item\":\"pen\",\"total\":4.5}".getBytes(StandardCharsets.UTF_8);
		});
		Quote quote = this.template.convertSendAndReceive("price", new Order("pen", 3), Quote.class);
		assertThat(quote).isEqualTo(new Quote("pen", 4.5));
	}

	@Test
	void requestWithoutRespondersFailsImmediately() {
		long start = System.nanoTime();
		assertThatExceptionOfType(NatsNoRespondersException.class)
			.isThrownBy(() -> this.template.request("nobody.home", new byte[0], Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(ex.getSubject()).isEqualTo("nobody.home"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void requestToSilentSubscriberTimesOut() throws Exception {
		this.connection.subscribe("silent");
		this.connection.flush(Duration.ofSeconds(1));
		assertThatExceptionOfType(NatsRequestTimeoutException.class)
			.isThrownBy(() -> this.template.request("silent", new byte[0], Duration.ofMillis(200)))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(200)));
	}

	@Test
	void serviceErrorReplyRaisesServiceErrorException() throws Exception {
		Dispatcher dispatcher = this.connection.createDispatcher((message) -> {
			Headers headers = new Headers().put(NatsHeaders.SERVICE_ERROR, "out of stock")
				.put(NatsHeaders.SERVICE_ERROR_CODE, "409");
			this.connection.publish(message.getReplyTo(), headers, new byte[0]);
		});
		dispatcher.subscribe("stock");
		this.connection.flush(Duration.ofSeconds(1));
		assertThatExceptionOfType(NatsServiceErrorException.class)
			.isThrownBy(() -> this.template.convertSendAndReceive("stock", new Order("pen", 1), Quote.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(409);
				assertThat(ex.getDescription()).isEqualTo("out of stock");
			});
	}

	@Test
	void convertSendAndReceiveAsyncCompletesWithTheReply() throws Exception {
		respond("async.price", (message) -> "{\"item\":\"ink\",\"total\":1.0}".getBytes(StandardCharsets.UTF_8));
		CompletableFuture<Quote> quote = this.template.convertSendAndReceiveAsync("async.price", new Order("ink", 1),
				Quote.class);
		assertThat(quote.get(2, TimeUnit.SECONDS)).isEqualTo(new Quote("ink", 1.0));
	}

	@Test
	void asyncRequestWithoutRespondersCompletesExceptionally() {
		CompletableFuture<Message> reply = this.template.requestAsync("nobody.async", new byte[0],
				Duration.ofSeconds(10));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(2, TimeUnit.SECONDS))
			.withCauseInstanceOf(NatsNoRespondersException.class);
	}

	@Test
	void requestUsesTheDefaultTimeout() throws Exception {
		this.connection.subscribe("silent.default");
		this.connection.flush(Duration.ofSeconds(1));
		this.template.setDefaultRequestTimeout(Duration.ofMillis(150));
		assertThatExceptionOfType(NatsRequestTimeoutException.class)
			.isThrownBy(() -> this.template.request("silent.default", new byte[0]))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(150)));
	}

	private void respond(String subject, Function<Message, byte[]> responder) {
		Dispatcher dispatcher = this.connection
			.createDispatcher((message) -> this.connection.publish(message.getReplyTo(), responder.apply(message)));
		dispatcher.subscribe(subject);
		try {
			this.connection.flush(Duration.ofSeconds(1));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Order(String item, int quantity) {
	}

	record Quote(String item, double total) {
	}
}
