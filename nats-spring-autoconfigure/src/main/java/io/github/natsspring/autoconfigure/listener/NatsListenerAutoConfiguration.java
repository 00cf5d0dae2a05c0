package io.github.natsspring.autoconfigure.listener;

import io.github.natsspring.annotation.EnableNats;
import io.github.natsspring.annotation.NatsListenerAnnotationBeanPostProcessor;
import io.github.natsspring.autoconfigure.NatsOptionsCustomizer;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.core.PlainNatsMessageConverter;
import io.github.natsspring.listener.LoggingNatsListenerErrorHandler;
import io.github.natsspring.listener.NatsListenerContainerFactory;
import io.github.natsspring.listener.NatsListenerEndpointRegistry;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.github.natsspring.listener.adapter.NatsMessageHandlerMethodFactory;
import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.core.task.support.ExecutorServiceAdapter;
import org.springframework.validation.Validator;

/**
 * Auto-configuration of {@code @NatsListener} methods: {@link EnableNats @EnableNats} (the annotation
 * post-processor and the registry that starts and drains the listener containers) unless the application
 * enabled it itself, the container factory with the {@code nats.listener.*} settings, the handler method
 * factory that resolves listener arguments with the context's {@link NatsMessageConverter} and
 * {@link Validator}, and the default error handler. With {@code spring.threads.virtual.enabled=true} on Java
 * 21 or later, listeners run on virtual threads. Active when there is a jnats {@link Connection} bean, which
 * the containers look up only when they start.
 */
@AutoConfiguration(afterName = "io.github.natsspring.autoconfigure.NatsAutoConfiguration")
@ConditionalOnBean(Connection.class)
@EnableConfigurationProperties(NatsListenerProperties.class)
public final class NatsListenerAutoConfiguration {

	/** Name of the {@link NatsListenerContainerFactory} bean. */
	public static final String CONTAINER_FACTORY_BEAN_NAME = "natsListenerContainerFactory";

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
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getAutoStartup).to(factory::setAutoStartup);
		map.from(properties::getConcurrency).to(factory::setConcurrency);
		map.from(properties::getDrainTimeout).to(factory::setDrainTimeout);
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

	@Bean(NatsListenerAnnotationBeanPostProcessor.DEFAULT_ERROR_HANDLER_BEAN_NAME)
	@ConditionalOnMissingBean(name = NatsListenerAnnotationBeanPostProcessor.DEFAULT_ERROR_HANDLER_BEAN_NAME)
	NatsListenerErrorHandler natsListenerErrorHandler() {
		return new LoggingNatsListenerErrorHandler();
	}

	/**
	 * Runs the jnats executor, on which every dispatcher (and so every listener) runs, on virtual threads. A
	 * virtual thread per task needs no pool and nothing to shut down, so the adapter's missing lifecycle
	 * does not matter; jnats leaves an executor it was given alone when the connection closes.
	 */
	@Bean
	@ConditionalOnThreading(Threading.VIRTUAL)
	NatsOptionsCustomizer natsVirtualThreadsOptionsCustomizer() {
		ExecutorServiceAdapter executor = new ExecutorServiceAdapter(new VirtualThreadTaskExecutor("nats-"));
		return (builder) -> builder.executor(executor);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableNats
	@ConditionalOnMissingBean(name = NatsListenerAnnotationBeanPostProcessor.BEAN_NAME)
	static class EnableNatsConfiguration {

	}
}
