package io.github.natsspring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.natsspring.core.NatsHeaders;
import io.github.natsspring.core.NatsNoRespondersException;
import io.github.natsspring.core.NatsServiceErrorException;
import io.github.natsspring.core.NatsTemplate;
import io.github.natsspring.listener.ListenerScenarios.Listeners;
import io.github.natsspring.listener.ListenerScenarios.Order;
import io.github.natsspring.listener.ListenerScenarios.Quote;
import io.github.natsspring.listener.ListenerScenarios.RecordingErrorHandler;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = ListenerScenarios.class,
		properties = { "test.placeholder-subject=greetings.resolved", "test.placeholder-id=resolved-greeter",
				"test.forward-subject=forward.out" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class NatsListenerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static final NatsTestServer server = new NatsTestServer();

	@DynamicPropertySource
	static void natsUrl(DynamicPropertyRegistry registry) {
		registry.add("nats.servers", server::url);
	}

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private Listeners listeners;

	@Autowired
	private RecordingErrorHandler errorHandler;

	@Autowired
	private NatsListenerEndpointRegistry registry;

	@Autowired
	private NatsTemplate template;

	private Connection client;

	@BeforeEach
	void connectClient() throws Exception {
		this.client = Nats.connect(server.url());
	}

	@AfterEach
	void closeClient() throws InterruptedException {
		this.client.close();
	}

	@Test
	void listenerReceivesPublishedMessages() {
		this.client.publish("greetings.plain", "hello".getBytes(StandardCharsets.UTF_8));

		await().untilAsserted(() -> assertThat(this.listeners.greetings).containsExactly("hello"));
	}

	@Test
	void queueGroupSpreadsMessagesOverEveryConcurrentSubscriptionOnce() throws Exception {
		List<String> items = IntStream.range(0, 90).mapToObj((i) -> "item-" + i).toList();
		items.forEach((item) -> this.client.publish("work.items", item.getBytes(StandardCharsets.UTF_8)));
		this.client.flush(TIMEOUT);

		await().untilAsserted(() -> assertThat(this.listeners.workItems).hasSize(items.size()));
		assertThat(this.listeners.workItems).containsExactlyInAnyOrderElementsOf(items);
		assertThat(this.listeners.workThreads).hasSize(3);
	}

	@Test
	void requestIsAnsweredWithTheReturnedObject() {
		Quote quote = this.template.convertSendAndReceive("orders.quote", new Order("tea", 4), Quote.class, TIMEOUT);

		assertThat(quote).isEqualTo(new Quote("tea", 4, 1000));
	}

	@Test
	void replyIsJsonWithAContentType() throws Exception {
		Message reply = request("orders.quote", new Order("tea", 4));

		assertThat(this.json.readValue(reply.getData(), Quote.class)).isEqualTo(new Quote("tea", 4, 1000));
		assertThat(reply.getHeaders().getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo("application/json");
	}

	@Test
	void genericPayloadAndReplyTypesAreConverted() throws Exception {
		Message reply = request("orders.quotes", List.of(new Order("tea", 1), new Order("cake", 2)));

		assertThat(this.json.readValue(reply.getData(), new TypeReference<List<Quote>>() {
		})).containsExactly(new Quote("tea", 1, 250), new Quote("cake", 2, 500));
	}

	@Test
	void failingListenerAnswersTheRequestWithAServiceError() throws Exception {
		Message reply = request("orders.broken", new Order("tea", 1));

		assertThat(reply.getData()).isEmpty();
		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR)).isEqualTo("pricing is down for tea");
		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR_CODE)).isEqualTo("500");
	}

	@Test
	void failingListenerFailsTheTemplateRequestWithTheRemoteError() {
		assertThatExceptionOfType(NatsServiceErrorException.class)
			.isThrownBy(() -> this.template.convertSendAndReceive("orders.broken", new Order("tea", 1), Quote.class,
					TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(500);
				assertThat(ex.getDescription()).isEqualTo("pricing is down for tea");
			});
	}

	@Test
	void failureWithoutErrorHandlerIsLoggedWithListenerIdAndSubject(CapturedOutput output) throws Exception {
		request("orders.unknown", new Order("scones", 1));

		await().untilAsserted(() -> assertThat(output).contains("NATS listener '"
				+ ListenerScenarios.Listeners.class.getName() + "#unknown' failed on a message to 'orders.unknown'")
			.contains("no such item: scones"));
	}

	@Test
	void failingListenerIsReportedToItsErrorHandler() throws Exception {
		request("orders.broken", new Order("cake", 1));

		await().untilAsserted(() -> assertThat(this.errorHandler.failures)
			.contains("broken orders.broken pricing is down\nfor cake"));
	}

	@Test
	void serviceExceptionChoosesTheErrorCode() throws Exception {
		Message reply = request("orders.unknown", new Order("coffee", 1));

		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR)).isEqualTo("no such item: coffee");
		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR_CODE)).isEqualTo("404");
	}

	@Test
	void unreadablePayloadIsAnsweredAsABadRequest() throws Exception {
		Message reply = this.client.request("orders.quote", "{not json".getBytes(StandardCharsets.UTF_8), TIMEOUT);

		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR_CODE)).isEqualTo("400");
	}

	@Test
	void invalidPayloadIsRejectedByTheValidator() throws Exception {
		Message reply = request("orders.checked", new Order("tea", 0));

		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR_CODE)).isEqualTo("400");
		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR)).contains("quantity must be positive");
	}

	@Test
	void validPayloadPassesTheValidator() throws Exception {
		Message reply = request("orders.checked", new Order("tea", 2));

		assertThat(this.json.readValue(reply.getData(), Quote.class)).isEqualTo(new Quote("tea", 2, 500));
	}

	@Test
	void completableFutureIsSentWhenItCompletes() {
		assertThat(this.template.convertSendAndReceiveAsync("orders.async", new Order("tea", 3), Quote.class))
			.succeedsWithin(TIMEOUT)
			.isEqualTo(new Quote("tea", 3, 750));
	}

	@Test
	void failedCompletableFutureIsAnsweredWithAServiceError() throws Exception {
		Message reply = request("orders.async-broken", new Order("tea", 3));

		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR)).isEqualTo("try later");
		assertThat(reply.getHeaders().getFirst(NatsHeaders.SERVICE_ERROR_CODE)).isEqualTo("503");
	}

	@Test
	void natsHeadersSubjectAndReplyToAreBound() throws Exception {
		Headers headers = new Headers().put("X-Trace", "t-1").add("X-Tag", "a", "b");

		Message reply = this.client.request(io.nats.client.impl.NatsMessage.builder()
			.subject("headers.echo")
			.headers(headers)
			.data("body", StandardCharsets.UTF_8)
			.build(), TIMEOUT);

		assertThat(text(reply)).isEqualTo("body|t-1|a,b|headers.echo|true|true");
	}

	@Test
	void springMessageArgumentCarriesTheConvertedGenericPayload() throws Exception {
		Message reply = request("orders.wrapped", List.of(new Order("jam", 1)));

		assertThat(text(reply)).isEqualTo("jam via orders.wrapped");
	}

	@Test
	void jnatsMessageAndConnectionAreInjected() throws Exception {
		Message reply = this.client.request("raw.echo", new byte[0], TIMEOUT);

		assertThat(text(reply)).isEqualTo("raw.echo CONNECTED");
	}

	@Test
	void placeholdersInSubjectsAndIdAreResolved() throws Exception {
		Message reply = this.client.request("greetings.resolved", "hi".getBytes(StandardCharsets.UTF_8), TIMEOUT);

		assertThat(text(reply)).isEqualTo("placeholder hi");
		assertThat(this.registry.getListenerContainer("resolved-greeter").getSubjects())
			.containsExactly("greetings.resolved");
	}

	@Test
	void resultOfAMessageWithoutReplyToIsSentToTheSendToSubject() throws Exception {
		Subscription forwarded = this.client.subscribe("forward.out");
		this.client.flush(TIMEOUT);

		this.client.publish("forward.in", "shout".getBytes(StandardCharsets.UTF_8));

		assertThat(text(forwarded.nextMessage(TIMEOUT))).isEqualTo("SHOUT");
	}

	@Test
	void requestToASendToListenerIsAnsweredToTheRequester() throws Exception {
		Message reply = this.client.request("forward.in", "ask".getBytes(StandardCharsets.UTF_8), TIMEOUT);

		assertThat(text(reply)).isEqualTo("ASK");
	}

	@Test
	void registryStopsAndRestartsAListenerById() throws Exception {
		NatsListenerContainer container = this.registry.getListenerContainer("switchable");
		container.stop();
		assertThat(container.isRunning()).isFalse();
		assertThatExceptionOfType(NatsNoRespondersException.class)
			.isThrownBy(() -> this.template.convertSendAndReceive("switchable", "x", String.class, TIMEOUT));

		container.start();

		assertThat(this.template.convertSendAndReceive("switchable", "y", String.class, TIMEOUT)).isEqualTo("on y");
	}

	private Message request(String subject, Object body) throws Exception {
		Message reply = this.client.request(subject, this.json.writeValueAsBytes(body), TIMEOUT);
		assertThat(reply).as("reply on " + subject).isNotNull();
		return reply;
	}

	private static String text(Message message) {
		assertThat(message).as("message").isNotNull();
		return new String(message.getData(), StandardCharsets.UTF_8);
	}
}
