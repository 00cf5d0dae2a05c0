package io.github.natsspring.autoconfigure.observation;

import io.github.natsspring.autoconfigure.NatsTemplateCustomizer;
import io.github.natsspring.autoconfigure.listener.NatsListenerContainerFactoryCustomizer;
import io.github.natsspring.observation.NatsListenerObservationConvention;
import io.github.natsspring.observation.NatsListenerReplyObservationConvention;
import io.github.natsspring.observation.NatsTemplateObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of NATS observations: with {@code nats.template.observation-enabled} the auto-configured
 * {@code NatsTemplate} observes its publishes and requests, with {@code nats.listener.observation-enabled} the
 * listener containers observe the messages they handle and the results they send, both in the application's
 * {@link ObservationRegistry} and with the unique {@link NatsTemplateObservationConvention},
 * {@link NatsListenerObservationConvention} or {@link NatsListenerReplyObservationConvention} bean in place of the
 * defaults.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Connection.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class NatsObservationAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty("nats.template.observation-enabled")
	NatsTemplateCustomizer natsTemplateObservationCustomizer(ObservationRegistry observationRegistry,
			ObjectProvider<NatsTemplateObservationConvention> convention) {
		return (template) -> {
			template.setObservationRegistry(observationRegistry);
			convention.ifUnique(template::setObservationConvention);
		};
	}

	@Bean
	@ConditionalOnBooleanProperty("nats.listener.observation-enabled")
	NatsListenerContainerFactoryCustomizer natsListenerObservationCustomizer(ObservationRegistry observationRegistry,
			ObjectProvider<NatsListenerObservationConvention> convention,
			ObjectProvider<NatsListenerReplyObservationConvention> replyConvention) {
		return (factory) -> {
			factory.setObservationRegistry(observationRegistry);
			convention.ifUnique(factory::setObservationConvention);
			replyConvention.ifUnique(factory::setReplyObservationConvention);
		};
	}
}
