package io.github.natsspring.autoconfigure.observation;

import java.time.Duration;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsspring.core.NatsNoRespondersException;
import io.github.natsspring.core.NatsServiceErrorException;
import io.github.natsspring.core.NatsTemplate;
import io.github.natsspring.observation.DefaultNatsListenerObservationConvention;
import io.github.natsspring.observation.DefaultNatsListenerReplyObservationConvention;
import io.github.natsspring.observation.DefaultNatsTemplateObservationConvention;
import io.github.natsspring.observation.NatsListenerObservationConvention;
import io.github.natsspring.observation.NatsListenerReplyObservationConvention;
import io.github.natsspring.observation.NatsReceiverContext;
import io.github.natsspring.observation.NatsSenderContext;
import io.github.natsspring.observation.NatsTemplateObservationConvention;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.SendTo;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The observations of the auto-configured template and listeners, in embedded mode, recorded by Micrometer's
 * {@link TestObservationRegistry}.
 */
class NatsObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsListenerAutoConfiguration.class, NatsObservationAutoConfiguration.class))
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
		.withPropertyValues("nats.embedded.port=0")
		.withUserConfiguration(PriceService.class);

	private final ApplicationContextRunner observed = this.contextRunner
		.withPropertyValues("nats.template.observation-enabled=true", "nats.listener.observation-enabled=true");

	@Test
	void requestIsObservedAsSendThenReceiveThenReply() {
		this.observed.run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			String price = context.getBean(NatsTemplate.class)
				.convertSendAndReceive("prices.pen", "pen", String.class);
			assertThat(price).isEqualTo("pen=2.5");
			awaitStopped(registry, "nats.template", "nats.listener", "nats.listener.reply");
			assertThat(registry).hasObservationWithNameEqualTo("nats.template")
				.that()
				.hasContextualNameEqualTo("request prices.pen")
				.hasLowCardinalityKeyValue("messaging.system", "nats")
				.hasLowCardinalityKeyValue("messaging.operation.name", "request")
				.hasLowCardinalityKeyValue("messaging.operation.type", "send")
				.hasLowCardinalityKeyValue("messaging.destination.name", "prices.pen")
				.doesNotHaveError();
			assertThat(registry).hasObservationWithNameEqualTo("nats.listener")
				.that()
				.hasContextualNameEqualTo("process prices.*")
				.hasLowCardinalityKeyValue("messaging.system", "nats")
				.hasLowCardinalityKeyValue("messaging.operation.name", "process")
				.hasLowCardinalityKeyValue("messaging.operation.type", "process")
				.hasLowCardinalityKeyValue("messaging.destination.name", "prices.*")
				.hasLowCardinalityKeyValue("messaging.consumer.group.name", "pricing")
				.hasLowCardinalityKeyValue("nats.listener.id", "prices");
			assertThat(registry).hasObservationWithNameEqualTo("nats.listener.reply")
				.that()
				.hasContextualNameEqualTo("reply")
				.hasLowCardinalityKeyValue("messaging.operation.name", "reply")
				.hasLowCardinalityKeyValue("messaging.operation.type", "send")
				.hasLowCardinalityKeyValue("messaging.destination.name", "(temporary)")
				.hasLowCardinalityKeyValue("messaging.destination.temporary", "true")
				.hasParentObservationContextMatching((parent) -> "nats.listener".equals(parent.getName()));
			assertThat(registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
				.flatMap((handled) -> handled.getLowCardinalityKeyValues().stream().toList())
				.noneMatch((keyValue) -> keyValue.getValue().startsWith("_INBOX")));
		});
	}

	@Test
	void publishIsObservedOnceAndTheResultSentToSendToIsObservedWithItsSubject() {
		this.observed.run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			Connection connection = context.getBean(Connection.class);
			Subscription results = connection.subscribe("audit.results");
			connection.flush(Duration.ofSeconds(2));
			context.getBean(NatsTemplate.class).convertAndSend("audit.events", "pen");
			assertThat(results.nextMessage(Duration.ofSeconds(5))).isNotNull();
			awaitStopped(registry, "nats.template", "nats.listener", "nats.listener.reply");
			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("nats.template", 1)
				.hasObservationWithNameEqualTo("nats.template")
				.that()
				.hasContextualNameEqualTo("publish audit.events")
				.hasLowCardinalityKeyValue("messaging.operation.name", "publish")
				.hasLowCardinalityKeyValue("messaging.destination.name", "audit.events");
			assertThat(registry).hasObservationWithNameEqualTo("nats.listener")
				.that()
				.hasLowCardinalityKeyValue("messaging.destination.name", "audit.events")
				.hasLowCardinalityKeyValue("messaging.consumer.group.name", "none");
			assertThat(registry).hasObservationWithNameEqualTo("nats.listener.reply")
				.that()
				.hasContextualNameEqualTo("publish audit.results")
				.hasLowCardinalityKeyValue("messaging.operation.name", "publish")
				.hasLowCardinalityKeyValue("messaging.destination.name", "audit.results")
				.hasLowCardinalityKeyValue("messaging.destination.temporary", "false");
		});
	}

	@Test
	void failingListenerRecordsTheErrorOnItsObservation() {
		this.observed.run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			NatsTemplate template = context.getBean(NatsTemplate.class);
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.convertSendAndReceive("prices.broken", "broken", String.class))
				.withMessageContaining("no price");
			awaitStopped(registry, "nats.listener", "nats.listener.reply");
			assertThat(registry).hasObservationWithNameEqualTo("nats.listener")
				.that()
				.assertThatError()
				.hasMessage("no price");
			assertThat(registry).hasObservationWithNameEqualTo("nats.listener.reply")
				.that()
				.hasLowCardinalityKeyValue("messaging.operation.name", "reply")
				.doesNotHaveError();
		});
	}

	@Test
	void requestWithoutRespondersIsObservedWithItsError() {
		this.observed.run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			NatsTemplate template = context.getBean(NatsTemplate.class);
			assertThatExceptionOfType(NatsNoRespondersException.class)
				.isThrownBy(() -> template.request("nobody.home", new byte[0]));
			awaitStopped(registry, "nats.template");
			assertThat(registry).hasSingleObservationThat()
				.hasNameEqualTo("nats.template")
				.assertThatError()
				.isInstanceOf(NatsNoRespondersException.class);
		});
	}

	@Test
	void nothingIsObservedByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean("natsTemplateObservationCustomizer")
				.doesNotHaveBean("natsListenerObservationCustomizer");
			assertThat(context.getBean(NatsTemplate.class).convertSendAndReceive("prices.pen", "pen", String.class))
				.isEqualTo("pen=2.5");
			assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
		});
	}

	@Test
	void templateObservationAloneLeavesListenersUnobserved() {
		this.contextRunner.withPropertyValues("nats.template.observation-enabled=true").run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			context.getBean(NatsTemplate.class).convertSendAndReceive("prices.pen", "pen", String.class);
			awaitStopped(registry, "nats.template");
			assertThat(registry).hasNumberOfObservationsEqualTo(1)
				.hasObservationWithNameEqualTo("nats.template");
		});
	}

	@Test
	void listenerObservationAloneLeavesTheTemplateUnobserved() {
		this.contextRunner.withPropertyValues("nats.listener.observation-enabled=true").run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			context.getBean(NatsTemplate.class).convertSendAndReceive("prices.pen", "pen", String.class);
			awaitStopped(registry, "nats.listener", "nats.listener.reply");
			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("nats.template", 0)
				.hasObservationWithNameEqualTo("nats.listener");
		});
	}

	@Test
	void withoutAnObservationRegistryNoObservationIsConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsObservationAutoConfiguration.class))
			.withPropertyValues("nats.embedded.port=0", "nats.template.observation-enabled=true",
					"nats.listener.observation-enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(NatsTemplate.class)
				.doesNotHaveBean("natsTemplateObservationCustomizer")
				.doesNotHaveBean("natsListenerObservationCustomizer"));
	}

	@Test
	void conventionBeanReplacesTheTemplateDefaults() {
		this.observed.withBean(NatsTemplateObservationConvention.class, ProductConvention::new).run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			context.getBean(NatsTemplate.class).convertAndSend("audit.events", "pen");
			awaitStopped(registry, "nats.template");
			assertThat(registry).hasObservationWithNameEqualTo("nats.template")
				.that()
				.hasLowCardinalityKeyValue("product", "pen")
				.hasLowCardinalityKeyValue("messaging.destination.name", "audit.events");
		});
	}

	@Test
	void conventionBeansReplaceTheListenerDefaults() {
		this.observed.withBean(NatsListenerObservationConvention.class, TeamListenerConvention::new)
			.withBean(NatsListenerReplyObservationConvention.class, TeamReplyConvention::new)
			.run((context) -> {
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				context.getBean(NatsTemplate.class).convertSendAndReceive("prices.pen", "pen", String.class);
				awaitStopped(registry, "nats.listener", "nats.listener.reply");
				assertThat(registry).hasObservationWithNameEqualTo("nats.listener")
					.that()
					.hasLowCardinalityKeyValue("team", "pricing");
				assertThat(registry).hasObservationWithNameEqualTo("nats.listener.reply")
					.that()
					.hasLowCardinalityKeyValue("team", "pricing");
			});
	}

	/** Listeners' observations end on their dispatcher threads, after the requester may have its reply. */
	private static void awaitStopped(TestObservationRegistry registry, String... names) {
		for (String name : names) {
			Awaitility.await(name + " stopped")
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(registry).hasObservationWithNameEqualTo(name).that().hasBeenStopped());
		}
	}

	static class ProductConvention extends DefaultNatsTemplateObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(NatsSenderContext context) {
			return super.getLowCardinalityKeyValues(context).and("product", "pen");
		}
	}

	static class TeamListenerConvention extends DefaultNatsListenerObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(NatsReceiverContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "pricing");
		}
	}

	static class TeamReplyConvention extends DefaultNatsListenerReplyObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(NatsSenderContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "pricing");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PriceService {

		@NatsListener(subjects = "prices.*", queue = "pricing", id = "prices")
		String price(String item) {
			if (item.equals("broken")) {
				throw new IllegalStateException("no price");
			}
			return item + "=2.5";
		}

		@NatsListener(subjects = "audit.events", id = "audit")
		@SendTo("audit.results")
		String audit(String item) {
			return "audited " + item;
		}
	}
}
