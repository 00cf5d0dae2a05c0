package io.github.natsspring.autoconfigure.listener;

import io.github.natsspring.annotation.NatsListenerAnnotationBeanPostProcessor;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.listener.NatsListenerContainerFactory;
import io.github.natsspring.listener.NatsListenerEndpointRegistry;
import io.github.natsspring.listener.adapter.NatsMessageHandlerMethodFactory;
import io.github.natsspring.listener.adapter.PlainNatsMessageConverter;
import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.validation.Validator;

/**
 * Auto-configuration of {@code @NatsListener} methods: the annotation post-processor, the registry that
 * starts and drains the listener containers, the container factory with the {@code nats.listener.*}
 * defaults, and the handler method factory that resolves listener arguments with the context's
 * {@link NatsMessageConverter} and {@link Validator}. Active when there is a jnats {@link Connection} bean,
 * which the containers look up only when they start.
 */
@AutoConfiguration(afterName = "io.github.natsspring.autoconfigure.NatsAutoConfiguration")
@ConditionalOnBean(Connection.class)
@EnableConfigurationProperties(NatsListenerProperties.class)
public final class NatsListenerAutoConfiguration {

	/** Name of the {@link NatsListenerContainerFactory} bean. */
	public static final String CONTAINER_FACTORY_BEAN_NAME = "natsListenerContainerFactory";

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static NatsListenerAnnotationBeanPostProcessor natsListenerAnnotationBeanPostProcessor() {
		return new NatsListenerAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	NatsListenerEndpointRegistry natsListenerEndpointRegistry() {
		return new NatsListenerEndpointRegistry();
	}

	@Bean(CONTAINER_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean
	NatsListenerContainerFactory natsListenerContainerFactory(ObjectProvider<Connection> connection,
			NatsListenerProperties properties, ObjectProvider<NatsListenerContainerFactoryCustomizer> customizers) {
		NatsListenerContainerFactory factory = new NatsListenerContainerFactory(connection::getObject);
		factory.setAutoStartup(properties.isAutoStartup());
		factory.setConcurrency(properties.getConcurrency());
		factory.setDrainTimeout(properties.getDrainTimeout());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		return factory;
	}

	@Bean(NatsListenerAnnotationBeanPostProcessor.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = NatsListenerAnnotationBeanPostProcessor.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)
	NatsMessageHandlerMethodFactory natsMessageHandlerMethodFactory(ObjectProvider<NatsMessageConverter> converter,
			ObjectProvider<Validator> validator) {
		NatsMessageHandlerMethodFactory factory = new NatsMessageHandlerMethodFactory(
				converter.getIfUnique(PlainNatsMessageConverter::new));
		validator.ifUnique(factory::setValidator);
		return factory;
	}
}
