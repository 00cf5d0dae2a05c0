package io.github.natsspring.autoconfigure.listener;

import java.util.List;

import io.github.natsspring.annotation.NatsListener;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.messaging.handler.annotation.SendTo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The startup report of each kind of {@code @NatsListener} method that cannot work: the failure of a real
 * context start, analyzed.
 */
class NatsListenerMethodFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsListenerAutoConfiguration.class))
		.withBean(Connection.class, () -> mock(Connection.class))
		.withPropertyValues("nats.listener.auto-startup=false");

	@Test
	void analyzerIsRegisteredWithBoot() {
		// analyzers of other modules may need constructor arguments; only whether this one loads matters
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(NatsListenerMethodFailureAnalyzer.class);
	}

	@Test
	void privateMethod() {
		FailureAnalysis analysis = analyze(PrivateListener.class);
		assertThat(analysis.getDescription()).isEqualTo("The @NatsListener method " + PrivateListener.class.getName()
				+ "#onOrder(String) of bean 'natsListenerMethodFailureAnalyzerTests.PrivateListener' cannot work:"
				+ " the method is private.");
		assertThat(analysis.getAction())
			.isEqualTo("Make the method public, protected or package-private so that it can be invoked.");
	}

	@Test
	void staticMethod() {
		FailureAnalysis analysis = analyze(StaticListener.class);
		assertThat(analysis.getDescription()).endsWith("#onOrder(String) of bean"
				+ " 'natsListenerMethodFailureAnalyzerTests.StaticListener' cannot work: the method is static.");
		assertThat(analysis.getAction()).isEqualTo("Make the method an instance method of the bean.");
	}

	@Test
	void invalidSubject() {
		FailureAnalysis analysis = analyze(InvalidSubjectListener.class);
		assertThat(analysis.getDescription())
			.endsWith("cannot work: invalid subject 'orders.>.eu': '>' must be the last token.");
		assertThat(analysis.getAction()).startsWith("Use dot-separated tokens without whitespace");
	}

	@Test
	void noSubject() {
		FailureAnalysis analysis = analyze(NoSubjectListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: no subject is declared.");
		assertThat(analysis.getAction()).startsWith("Use dot-separated tokens without whitespace");
	}

	@Test
	void unresolvablePlaceholder() {
		FailureAnalysis analysis = analyze(PlaceholderListener.class);
		assertThat(analysis.getDescription())
			.contains("cannot work: cannot resolve '${app.subject}': unresolvable placeholder");
		assertThat(analysis.getAction())
			.isEqualTo("Define the property the placeholder names, or correct the placeholder or expression.");
	}

	@Test
	void concurrencyThatIsNotANumber() {
		FailureAnalysis analysis = analyze(WordConcurrencyListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: concurrency 'many' is not a number.");
		assertThat(analysis.getAction())
			.isEqualTo("Set concurrency to a whole number of at least 1, or to a placeholder resolving to one.");
	}

	@Test
	void concurrencyBelowOne() {
		FailureAnalysis analysis = analyze(ZeroConcurrencyListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: concurrency must be at least 1, got 0.");
		assertThat(analysis.getAction())
			.isEqualTo("Set concurrency to a whole number of at least 1, or to a placeholder resolving to one.");
	}

	@Test
	void concurrencyWithoutQueueGroup() {
		FailureAnalysis analysis = analyze(UnqueuedConcurrencyListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: concurrency 3 needs a queue group;"
				+ " without one every subscription would receive each message.");
		assertThat(analysis.getAction()).isEqualTo("Add a queue group, e.g. @NatsListener(subjects = ...,"
				+ " queue = \"workers\", concurrency = \"3\"), or remove concurrency.");
	}

	@Test
	void queueGroupWithWhitespace() {
		FailureAnalysis analysis = analyze(SpacedQueueListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: queue group 'order workers' contains whitespace.");
		assertThat(analysis.getAction())
			.isEqualTo("Use a queue group name without whitespace, e.g. queue = \"order-workers\".");
	}

	@Test
	void autoStartupThatIsNotABoolean() {
		FailureAnalysis analysis = analyze(MaybeAutoStartupListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: autoStartup 'maybe' is neither true nor false.");
		assertThat(analysis.getAction())
			.isEqualTo("Set autoStartup to \"true\" or \"false\", or to a placeholder resolving to one of them.");
	}

	@Test
	void unknownErrorHandler() {
		FailureAnalysis analysis = analyze(UnknownErrorHandlerListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: there is no error handler bean named 'missing'.");
		assertThat(analysis.getAction())
			.isEqualTo("Define a NatsListenerErrorHandler bean named 'missing', or correct the name in errorHandler.");
	}

	@Test
	void twoPayloadParameters() {
		FailureAnalysis analysis = analyze(TwoPayloadsListener.class);
		assertThat(analysis.getDescription()).endsWith("#onOrder(String, Integer) of bean"
				+ " 'natsListenerMethodFailureAnalyzerTests.TwoPayloadsListener' cannot work:"
				+ " parameters 0 (String), 1 (Integer) would all be bound to the payload.");
		assertThat(analysis.getAction()).isEqualTo("Mark all but one of them with @Header or @Headers, or add a"
				+ " HandlerMethodArgumentResolver for their type to the natsMessageHandlerMethodFactory.");
	}

	@Test
	void unresolvableJnatsParameter() {
		FailureAnalysis analysis = analyze(SubscriptionParameterListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: parameter 0 of type io.nats.client.Subscription"
				+ " cannot be resolved; of the jnats types only Message and Connection can be injected.");
		assertThat(analysis.getAction())
			.isEqualTo("Take an io.nats.client.Message or Connection parameter instead, or remove the parameter.");
	}

	@Test
	void duplicateId() {
		FailureAnalysis analysis = analyze(DuplicateIdListener.class);
		assertThat(analysis.getDescription()).endsWith("cannot work: another listener already has id 'orders'.");
		assertThat(analysis.getAction())
			.isEqualTo("Give each @NatsListener its own id, or leave id empty to have one generated.");
	}

	@Test
	void wildcardSendTo() {
		FailureAnalysis analysis = analyze(WildcardSendToListener.class);
		assertThat(analysis.getDescription()).endsWith(
				"cannot work: invalid @SendTo subject 'replies.*': wildcards are not allowed in a publish subject.");
		assertThat(analysis.getAction()).isEqualTo(
				"Name exactly one subject without wildcards in @SendTo, e.g. @SendTo(\"orders.priced\").");
	}

	private FailureAnalysis analyze(Class<?> configuration) {
		Throwable[] failure = new Throwable[1];
		this.contextRunner.withUserConfiguration(configuration).run((context) -> {
			assertThat(context).hasFailed();
			failure[0] = context.getStartupFailure();
		});
		FailureAnalysis analysis = new NatsListenerMethodFailureAnalyzer().analyze(failure[0]);
		assertThat(analysis).as("analysis of %s", failure[0]).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class PrivateListener {

		@NatsListener("orders")
		private void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class StaticListener {

		@NatsListener("orders")
		static void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidSubjectListener {

		@NatsListener("orders.>.eu")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class NoSubjectListener {

		@NatsListener
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderListener {

		@NatsListener("${app.subject}")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class WordConcurrencyListener {

		@NatsListener(subjects = "orders", queue = "workers", concurrency = "many")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ZeroConcurrencyListener {

		@NatsListener(subjects = "orders", queue = "workers", concurrency = "0")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UnqueuedConcurrencyListener {

		@NatsListener(subjects = "orders", concurrency = "3")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SpacedQueueListener {

		@NatsListener(subjects = "orders", queue = "order workers")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class MaybeAutoStartupListener {

		@NatsListener(subjects = "orders", autoStartup = "maybe")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownErrorHandlerListener {

		@NatsListener(subjects = "orders", errorHandler = "missing")
		void onOrder(String order) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoPayloadsListener {

		@NatsListener("orders")
		void onOrder(String order, Integer quantity) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SubscriptionParameterListener {

		@NatsListener("orders")
		void onOrder(Subscription subscription) {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateIdListener {

		@NatsListener(id = "orders", subjects = "orders.created")
		void onCreated(String order) {
		}

		@NatsListener(id = "orders", subjects = "orders.updated")
		void onUpdated(String order) {
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
