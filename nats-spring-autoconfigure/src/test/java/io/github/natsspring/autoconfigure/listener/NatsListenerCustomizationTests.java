package io.github.natsspring.autoconfigure.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.annotation.EnableNats;
import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.annotation.NatsListenerAnnotationBeanPostProcessor;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsOptionsCustomizer;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.listener.LoggingNatsListenerErrorHandler;
import io.github.natsspring.listener.NatsListenerEndpointRegistry;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.github.natsspring.listener.NatsTestServer;
import io.github.natsspring.listener.adapter.NatsMessageHandlerMethodFactory;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an application changes about listeners, with the auto-configuration and a real server: its own
 * argument resolvers, its default error handler, virtual threads, and {@link EnableNats @EnableNats} next to
 * the auto-configuration.
 */
class NatsListenerCustomizationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static final NatsTestServer server = new NatsTestServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsListenerAutoConfiguration.class))
		.withInitializer((context) -> TestPropertyValues.of("nats.servers=" + server.url()).applyTo(context));

	@Test
	void resolverOfTheApplicationBindsItsOwnTypeNextToThePayload() {
		this.contextRunner.withUserConfiguration(TenantResolverConfiguration.class, TenantListener.class)
			.run((context) -> {
				Headers headers = new Headers().add("tenant", "acme");
				publish("orders.tenant", headers, "book");
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(context.getBean(TenantListener.class).received)
						.containsExactly("acme: book"));
			});
	}

	@Test
	void withoutTheResolverTheSecondParameterIsRejectedAsASecondPayload() {
		this.contextRunner.withUserConfiguration(TenantListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("parameters 0 (String), 1 (Tenant) would all be bound to the payload"));
	}

	@Test
	void defaultErrorHandlerLogsFailures() {
		this.contextRunner.run((context) -> assertThat(context)
			.getBean(NatsListenerAnnotationBeanPostProcessor.DEFAULT_ERROR_HANDLER_BEAN_NAME)
			.isInstanceOf(LoggingNatsListenerErrorHandler.class));
	}

	@Test
	void errorHandlerBeanOfTheApplicationReplacesTheLoggingDefault() {
		this.contextRunner.withUserConfiguration(FailingListener.class).run((context) -> {
			assertThat(context).doesNotHaveBean(LoggingNatsListenerErrorHandler.class);
			publish("orders.failing", null, "broken order");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(context.getBean(FailingListener.class).failures)
					.containsExactly("failing: broken order"));
		});
	}

	@Test
	void enableNatsNextToTheAutoConfigurationLeavesOneInfrastructure() {
		this.contextRunner.withUserConfiguration(EnabledByTheApplication.class, TenantResolverConfiguration.class,
				TenantListener.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(NatsListenerAnnotationBeanPostProcessor.class)
					.hasSingleBean(NatsListenerEndpointRegistry.class);
				publish("orders.tenant", new Headers().add("tenant", "initech"), "stapler");
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(context.getBean(TenantListener.class).received)
						.containsExactly("initech: stapler"));
			});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void listenersRunOnVirtualThreadsWhenTheyAreEnabled() {
		this.contextRunner.withUserConfiguration(ThreadRecordingListener.class)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> {
				publish("orders.thread", null, "which thread");
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(context.getBean(ThreadRecordingListener.class).virtual)
						.containsExactly(true));
			});
	}

	@Test
	void listenersRunOnPlatformThreadsByDefault() {
		this.contextRunner.withUserConfiguration(ThreadRecordingListener.class).run((context) -> {
			assertThat(context).doesNotHaveBean(NatsOptionsCustomizer.class);
			publish("orders.thread", null, "which thread");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(context.getBean(ThreadRecordingListener.class).virtual)
					.containsExactly(false));
		});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsAreNotConfiguredBeforeJava21() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NatsOptionsCustomizer.class));
	}

	private static void publish(String subject, @Nullable Headers headers, String text) throws Exception {
		try (Connection client = Nats.connect(server.url())) {
			client.publish(subject, headers, text.getBytes(StandardCharsets.UTF_8));
			client.flush(TIMEOUT);
		}
	}

	/** Java 17 has no {@code Thread.isVirtual()}; on 21 and later it is looked up. */
	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Tenant(String name) {
	}

	/** Resolves {@link Tenant} parameters from the {@code tenant} header. */
	static class TenantArgumentResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Tenant.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, Message<?> message) {
			return new Tenant(String.valueOf(message.getHeaders().get("tenant")));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TenantResolverConfiguration {

		@Bean(NatsListenerAnnotationBeanPostProcessor.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)
		NatsMessageHandlerMethodFactory natsMessageHandlerMethodFactory(NatsMessageConverter converter) {
			NatsMessageHandlerMethodFactory factory = new NatsMessageHandlerMethodFactory(converter);
			factory.setCustomArgumentResolvers(List.of(new TenantArgumentResolver()));
			return factory;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TenantListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsListener("orders.tenant")
		void onOrder(String order, Tenant tenant) {
			this.received.add(tenant.name() + ": " + order);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		final List<String> failures = new CopyOnWriteArrayList<>();

		@Bean
		NatsListenerErrorHandler natsListenerErrorHandler() {
			return (listenerId, message, error) -> this.failures
				.add(listenerId + ": " + NestedExceptionUtils.getMostSpecificCause(error).getMessage());
		}

		@NatsListener(id = "failing", subjects = "orders.failing")
		void onOrder(String order) {
			throw new IllegalStateException(order);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ThreadRecordingListener {

		final List<Boolean> virtual = new CopyOnWriteArrayList<>();

		@NatsListener("orders.thread")
		void onOrder(String order) {
			this.virtual.add(isVirtual(Thread.currentThread()));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableNats
	static class EnabledByTheApplication {

	}
}
