package io.github.natsspring.autoconfigure.listener;

import java.time.Duration;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.annotation.NatsListenerAnnotationBeanPostProcessor;
import io.github.natsspring.listener.NatsListenerContainer;
import io.github.natsspring.listener.NatsListenerContainerFactory;
import io.github.natsspring.listener.NatsListenerEndpointRegistry;
import io.github.natsspring.listener.SimpleNatsListenerEndpoint;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class NatsListenerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsListenerAutoConfiguration.class));

	/** Listeners stay stopped unless they ask to start; those that do get stub dispatchers. */
	private final ApplicationContextRunner withConnection = this.contextRunner
		.withBean(Connection.class, NatsListenerAutoConfigurationTests::connectionWithStubDispatchers)
		.withPropertyValues("nats.listener.auto-startup=false");

	@Test
	void noConnectionMeansNoListenerInfrastructure() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(NatsListenerEndpointRegistry.class)
			.doesNotHaveBean(NatsListenerAnnotationBeanPostProcessor.class));
	}

	@Test
	void connectionBringsTheListenerInfrastructure() {
		this.withConnection.run((context) -> assertThat(context).hasSingleBean(NatsListenerEndpointRegistry.class)
			.hasSingleBean(NatsListenerAnnotationBeanPostProcessor.class)
			.hasSingleBean(NatsListenerContainerFactory.class)
			.hasBean(NatsListenerAnnotationBeanPostProcessor.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME));
	}

	@Test
	void userRegistryBacksOff() {
		NatsListenerEndpointRegistry registry = new NatsListenerEndpointRegistry();
		this.withConnection.withBean(NatsListenerEndpointRegistry.class, () -> registry)
			.run((context) -> assertThat(context).getBean(NatsListenerEndpointRegistry.class).isSameAs(registry));
	}

	@Test
	void userMessageHandlerMethodFactoryBacksOff() {
		MessageHandlerMethodFactory factory = mock(MessageHandlerMethodFactory.class);
		this.withConnection
			.withBean(NatsListenerAnnotationBeanPostProcessor.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME,
					MessageHandlerMethodFactory.class, () -> factory)
			.run((context) -> assertThat(context)
				.getBean(NatsListenerAnnotationBeanPostProcessor.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)
				.isSameAs(factory));
	}

	@Test
	void listenerMethodBecomesAContainerWithItsSubjectsAndQueue() {
		this.withConnection.withUserConfiguration(OrderListeners.class).run((context) -> {
			NatsListenerContainer container = registry(context).getListenerContainer("orders");
			assertThat(container.getSubjects()).containsExactly("orders.created", "orders.updated");
			assertThat(container.getQueue()).isEqualTo("order-workers");
			assertThat(container.isRunning()).isFalse();
		});
	}

	@Test
	void registryListsEveryListenerById() {
		this.withConnection.withUserConfiguration(OrderListeners.class).run((context) -> {
			assertThat(registry(context).getListenerContainerIds()).containsExactlyInAnyOrder("orders", "audit");
			assertThat(registry(context).getListenerContainers()).extracting(NatsListenerContainer::getId)
				.containsExactlyInAnyOrder("orders", "audit");
		});
	}

	@Test
	void placeholdersInListenerAttributesAreResolved() {
		this.withConnection.withUserConfiguration(PlaceholderListeners.class)
			.withPropertyValues("app.subject=invoices.paid", "app.queue=billing", "app.concurrency=4")
			.run((context) -> {
				NatsListenerContainer container = registry(context).getListenerContainer("invoices");
				assertThat(container.getSubjects()).containsExactly("invoices.paid");
				assertThat(container.getQueue()).isEqualTo("billing");
				assertThat(container.getConcurrency()).isEqualTo(4);
			});
	}

	@Test
	void defaultConcurrencyAppliesToListenersWithAQueueGroupOnly() {
		this.withConnection.withUserConfiguration(OrderListeners.class)
			.withPropertyValues("nats.listener.concurrency=3")
			.run((context) -> {
				assertThat(registry(context).getListenerContainer("orders").getConcurrency()).isEqualTo(3);
				assertThat(registry(context).getListenerContainer("audit").getConcurrency()).isEqualTo(1);
			});
	}

	@Test
	void listenerAutoStartupOverridesTheDefault() {
		this.withConnection.withUserConfiguration(OrderListeners.class).run((context) -> {
			assertThat(registry(context).getListenerContainer("audit").isRunning()).isTrue();
			assertThat(registry(context).getListenerContainer("orders").isRunning()).isFalse();
		});
	}

	@Test
	void propertiesConfigureTheContainerFactory() {
		this.withConnection.withPropertyValues("nats.listener.drain-timeout=3s")
			.run((context) -> assertThat(context.getBean(NatsListenerProperties.class).getDrainTimeout())
				.isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void unsetPropertiesKeepTheContainerFactoryDefaults() {
		this.contextRunner.withBean(Connection.class, NatsListenerAutoConfigurationTests::connectionWithStubDispatchers)
			.run((context) -> {
				NatsListenerContainer container = context.getBean(NatsListenerContainerFactory.class)
					.createListenerContainer(queuedEndpoint(), (message) -> {
					});
				assertThat(container.getConcurrency()).isEqualTo(NatsListenerContainerFactory.DEFAULT_CONCURRENCY);
				assertThat(container.isAutoStartup()).isEqualTo(NatsListenerContainerFactory.DEFAULT_AUTO_STARTUP);
			});
	}

	@Test
	void propertiesOverrideTheContainerFactoryDefaults() {
		this.withConnection.withPropertyValues("nats.listener.concurrency=4").run((context) -> {
			NatsListenerContainer container = context.getBean(NatsListenerContainerFactory.class)
				.createListenerContainer(queuedEndpoint(), (message) -> {
				});
			assertThat(container.getConcurrency()).isEqualTo(4);
			assertThat(container.isAutoStartup()).isFalse();
		});
	}

	@Test
	void defaultConcurrencyBelowOneFailsStartup() {
		this.withConnection.withPropertyValues("nats.listener.concurrency=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("Default listener concurrency must be at least 1, got 0"));
	}

	@Test
	void privateListenerMethodFailsStartupNamingTheMethod() {
		assertStartupFails(PrivateListener.class,
				"@NatsListener method " + PrivateListener.class.getName() + "#hidden(String) of bean "
						+ "'natsListenerAutoConfigurationTests.PrivateListener' cannot work: the method is private");
	}

	@Test
	void invalidSubjectFailsStartup() {
		assertStartupFails(InvalidSubjectListener.class, "#onOrder(String) of bean 'natsListenerAutoConfigurationTests.InvalidSubjectListener' cannot work: invalid subject 'orders.>.eu'");
	}

	@Test
	void concurrencyWithoutQueueGroupFailsStartup() {
		assertStartupFails(ConcurrencyWithoutQueueListener.class, "concurrency 3 needs a queue group");
	}

	@Test
	void secondPayloadParameterFailsStartup() {
		assertStartupFails(TwoPayloadsListener.class,
				"parameters 0 (String), 1 (String) would all be bound to the payload");
	}

	@Test
	void unsupportedJnatsParameterFailsStartup() {
		assertStartupFails(SubscriptionParameterListener.class,
				"parameter 0 of type io.nats.client.Subscription cannot be resolved");
	}

	@Test
	void unresolvablePlaceholderFailsStartup() {
		assertStartupFails(PlaceholderListeners.class, "cannot resolve '${app.subject}': unresolvable placeholder");
	}

	@Test
	void unknownErrorHandlerFailsStartup() {
		assertStartupFails(UnknownErrorHandlerListener.class, "there is no error handler bean named 'missing'");
	}

	@Test
	void wildcardSendToSubjectFailsStartup() {
		assertStartupFails(WildcardSendToListener.class, "invalid @SendTo subject 'replies.*'");
	}

	private void assertStartupFails(Class<?> configuration, String message) {
		this.withConnection.withUserConfiguration(configuration)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(message));
	}

	private static SimpleNatsListenerEndpoint queuedEndpoint() {
		return SimpleNatsListenerEndpoint.builder("queued").subjects("orders").queue("workers").handler((message) -> {
		}).build();
	}

	private static Connection connectionWithStubDispatchers() {
		Connection connection = mock(Connection.class);
		given(connection.createDispatcher(any())).willAnswer((invocation) -> mock(Dispatcher.class));
		return connection;
	}

	private static NatsListenerEndpointRegistry registry(AssertableApplicationContext context) {
		return context.getBean(NatsListenerEndpointRegistry.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderListeners {

		@Bean
		Object orderListener() {
			return new Object() {

				@NatsListener(id = "orders", subjects = { "orders.created", "orders.updated" }, queue = "order-workers")
				void onOrder(String order) {
				}

				@NatsListener(id = "audit", subjects = "orders.>", autoStartup = "true")
				void audit(String order) {
				}
			};
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderListeners {

		@Bean
		Object invoiceListener() {
			return new Object() {

				@NatsListener(id = "invoices", subjects = "${app.subject}", queue = "${app.queue}",
						concurrency = "${app.concurrency}")
				void onInvoice(String invoice) {
				}
			};
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PrivateListener {

		@Bean
		PrivateListener privateListenerBean() {
			return new PrivateListener();
		}

		@NatsListener("orders")
		private void hidden(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidSubjectListener {

		@NatsListener("orders.>.eu")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ConcurrencyWithoutQueueListener {

		@NatsListener(subjects = "orders", concurrency = "3")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoPayloadsListener {

		@NatsListener("orders")
		void onOrder(String order, String other) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SubscriptionParameterListener {

		@NatsListener("orders")
		void onOrder(io.nats.client.Subscription subscription, @Header("id") String id) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownErrorHandlerListener {

		@NatsListener(subjects = "orders", errorHandler = "missing")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class WildcardSendToListener {

		@NatsListener("orders")
		@SendTo("replies.*")
		String onOrder(String order) {
			return order;
		}
	}
}
