package io.github.natsspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.natsspring.core.JsonNatsMessageConverter;
import io.github.natsspring.core.NatsConversionException;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.core.NatsTemplate;
import io.github.natsspring.core.PlainNatsMessageConverter;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link NatsTemplate} with and without Jackson on the classpath: JSON when it is there, the plain converter
 * for {@code String} and {@code byte[]} when it is not, sending to nats-server.
 */
class NatsTemplateWithoutJacksonTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static NatsServerProcess server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class));

	private final ApplicationContextRunner withoutJackson = this.contextRunner
		.withClassLoader(new FilteredClassLoader(JsonMapper.class));

	@BeforeAll
	static void startServer() {
		server = NatsServerProcess.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void jacksonOnTheClasspathMeansTheJsonConverter() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.run((context) -> assertThat(context.getBean(NatsTemplate.class).getMessageConverter())
				.isInstanceOf(JsonNatsMessageConverter.class));
	}

	@Test
	void withoutJacksonTheTemplateUsesThePlainConverter() {
		this.withoutJackson.withPropertyValues("nats.servers=" + server.getUrl())
			.run((context) -> assertThat(context).hasSingleBean(NatsTemplate.class)
				.getBean(NatsMessageConverter.class)
				.isInstanceOf(PlainNatsMessageConverter.class)
				.isSameAs(context.getBean(NatsTemplate.class).getMessageConverter()));
	}

	@Test
	void withoutJacksonTheTemplateSendsStringsAndBytesToTheServer() {
		this.withoutJackson.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			try (Connection client = Nats.connect(server.getUrl())) {
				Subscription subscription = client.subscribe("plain.>");
				client.flush(TIMEOUT);
				template.convertAndSend("plain.text", "grüß dich");
				template.convertAndSend("plain.bytes", new byte[] { 1, 2, 3 });
				Message text = subscription.nextMessage(TIMEOUT);
				Message bytes = subscription.nextMessage(TIMEOUT);
				assertThat(new String(text.getData(), StandardCharsets.UTF_8)).isEqualTo("grüß dich");
				assertThat(bytes.getData()).containsExactly(1, 2, 3);
			}
		});
	}

	@Test
	void withoutJacksonAnObjectPayloadIsRefusedNamingTheMissingConverter() {
		this.withoutJackson.withPropertyValues("nats.servers=" + server.getUrl())
			.run((context) -> assertThatExceptionOfType(NatsConversionException.class)
				.isThrownBy(() -> context.getBean(NatsTemplate.class).convertAndSend("plain.order", new Order("book")))
				.withMessageContaining("without a JSON-capable NatsMessageConverter"));
	}

	@Test
	void applicationConverterStillWinsWithoutJackson() {
		NatsMessageConverter converter = new PlainNatsMessageConverter();
		this.withoutJackson.withPropertyValues("nats.servers=" + server.getUrl())
			.withBean("customConverter", NatsMessageConverter.class, () -> converter)
			.run((context) -> assertThat(context.getBean(NatsTemplate.class).getMessageConverter()).isSameAs(converter));
	}

	record Order(String item) {
	}
}
