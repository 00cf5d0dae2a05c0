package io.github.natsspring.annotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.listener.NatsListenerConfigurer;
import io.github.natsspring.listener.NatsListenerContainerFactory;
import io.github.natsspring.listener.NatsListenerEndpointRegistrar;
import io.github.natsspring.listener.NatsListenerEndpointRegistry;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.github.natsspring.listener.NatsTestServer;
import io.github.natsspring.listener.SimpleNatsListenerEndpoint;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link EnableNats @EnableNats} in a context without auto-configuration: annotated listeners and endpoints
 * registered by a {@link NatsListenerConfigurer} receive messages from a real server.
 */
class EnableNatsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static final NatsTestServer server = new NatsTestServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withBean(Connection.class, EnableNatsTests::connect, (definition) -> definition.setDestroyMethodName("close"))
		.withUserConfiguration(NatsInfrastructure.class);

	@Test
	void enableNatsRegistersThePostProcessorAndTheRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(NatsListenerAnnotationBeanPostProcessor.class)
			.hasBean(NatsListenerAnnotationBeanPostProcessor.BEAN_NAME)
			.hasSingleBean(NatsListenerEndpointRegistry.class));
	}

	@Test
	void enableNatsKeepsARegistryTheApplicationDefines() {
		NatsListenerEndpointRegistry registry = new NatsListenerEndpointRegistry();
		this.contextRunner.withBean("appRegistry", NatsListenerEndpointRegistry.class, () -> registry)
			.run((context) -> assertThat(context).getBean(NatsListenerEndpointRegistry.class).isSameAs(registry));
	}

	@Test
	void annotatedListenerReceivesMessagesWithoutAutoConfiguration() {
		this.contextRunner.withUserConfiguration(AnnotatedListener.class).run((context) -> {
			publish("greetings.annotated", "hello");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(context.getBean(AnnotatedListener.class).received).containsExactly("hello"));
		});
	}

	@Test
	void endpointRegisteredByAConfigurerReceivesMessagesFromTheServer() {
		this.contextRunner.withUserConfiguration(ProgrammaticListener.class).run((context) -> {
			NatsListenerEndpointRegistry registry = context.getBean(NatsListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainer("programmatic").getQueue()).isEqualTo("workers");
			assertThat(registry.getListenerContainer("programmatic").getConcurrency()).isEqualTo(2);
			publish("greetings.programmatic", "one");
			publish("greetings.programmatic", "two");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(context.getBean(ProgrammaticListener.class).received)
					.containsExactlyInAnyOrder("one", "two"));
		});
	}

	@Test
	void failureOfAConfigurerEndpointGoesToTheErrorHandlerBean() {
		this.contextRunner.withUserConfiguration(FailingProgrammaticListener.class).run((context) -> {
			publish("greetings.failing", "boom");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(context.getBean(FailingProgrammaticListener.class).failures)
					.containsExactly("failing: boom"));
		});
	}

	@Test
	void configurerEndpointThatBreaksAListenerRuleFailsStartup() {
		this.contextRunner
			.withBean(NatsListenerConfigurer.class,
					() -> (registrar) -> registrar.registerEndpoint(SimpleNatsListenerEndpoint.builder("unqueued")
						.subjects("greetings.>")
						.concurrency(3)
						.handler((message) -> {
						})
						.build()))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessage("NATS listener 'unqueued' cannot work: concurrency 3 needs a queue group; without one"
						+ " every subscription would receive each message"));
	}

	private static Connection connect() {
		try {
			return Nats.connect(server.url());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void publish(String subject, String text) throws Exception {
		try (Connection client = Nats.connect(server.url())) {
			client.publish(subject, text.getBytes(StandardCharsets.UTF_8));
			client.flush(TIMEOUT);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableNats
	static class NatsInfrastructure {

		@Bean
		NatsListenerContainerFactory natsListenerContainerFactory(Connection connection) {
			return new NatsListenerContainerFactory(() -> connection);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsListener("greetings.annotated")
		void onGreeting(String greeting) {
			this.received.add(greeting);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ProgrammaticListener implements NatsListenerConfigurer {

		final List<String> received = new CopyOnWriteArrayList<>();

		@Override
		public void configureNatsListeners(NatsListenerEndpointRegistrar registrar) {
			registrar.registerEndpoint(SimpleNatsListenerEndpoint.builder("programmatic")
				.subjects("greetings.programmatic")
				.queue("workers")
				.concurrency(2)
				.handler((message) -> this.received.add(new String(message.getData(), StandardCharsets.UTF_8)))
				.build());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingProgrammaticListener implements NatsListenerConfigurer {

		final List<String> failures = new CopyOnWriteArrayList<>();

		@Bean(NatsListenerAnnotationBeanPostProcessor.DEFAULT_ERROR_HANDLER_BEAN_NAME)
		NatsListenerErrorHandler recordingErrorHandler() {
			return (listenerId, message, error) -> this.failures.add(listenerId + ": " + error.getMessage());
		}

		@Override
		public void configureNatsListeners(NatsListenerEndpointRegistrar registrar) {
			registrar.registerEndpoint(SimpleNatsListenerEndpoint.builder("failing")
				.subjects("greetings.failing")
				.handler((message) -> {
					throw new IllegalStateException(new String(message.getData(), StandardCharsets.UTF_8));
				})
				.build());
		}
	}
}
