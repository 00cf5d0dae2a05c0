package io.github.natsspring.autoconfigure.jetstream;

import io.github.natsspring.annotation.JetStreamListenerAnnotationBeanPostProcessor;
import io.github.natsspring.annotation.NatsListenerAnnotationBeanPostProcessor;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.jetstream.JetStreamAdmin;
import io.github.natsspring.jetstream.JetStreamContexts;
import io.github.natsspring.jetstream.JetStreamOperations;
import io.github.natsspring.jetstream.JetStreamTemplate;
import io.github.natsspring.jetstream.KeyValueOperations;
import io.github.natsspring.jetstream.KeyValueTemplate;
import io.github.natsspring.jetstream.KeyValueTemplates;
import io.github.natsspring.jetstream.listener.DeferredJetStreamStart;
import io.github.natsspring.jetstream.listener.JetStreamListenerContainerFactory;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpointRegistry;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StreamConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of JetStream on the NATS connection: the jnats {@link JetStream} and
 * {@link JetStreamManagement} contexts, the {@link JetStreamTemplate}, the {@link JetStreamAdmin} declaring every
 * {@link StreamConfiguration} and {@link KeyValueConfiguration} bean, key-value templates, and
 * {@code @JetStreamListener} methods. Active with a single jnats {@link Connection} bean unless
 * {@code nats.jetstream.enabled=false}.
 * <p>
 * Whether the server has JetStream is known only once the connection has reached it, so the contexts are lazy
 * beans created on first use, which fails with a {@link io.github.natsspring.jetstream.JetStreamNotAvailableException}
 * when the server has no JetStream (or was not reached yet). An application that declares nothing and uses no
 * JetStream bean runs unchanged against a server without JetStream. When the connection is not connected at start
 * (remote mode, server down), declarations and listeners wait for it to connect ({@link DeferredJetStreamStart}).
 */
@AutoConfiguration(afterName = { "io.github.natsspring.autoconfigure.NatsAutoConfiguration",
		"io.github.natsspring.autoconfigure.listener.NatsListenerAutoConfiguration" })
@ConditionalOnClass(JetStream.class)
@ConditionalOnBean(Connection.class)
@ConditionalOnSingleCandidate(Connection.class)
@ConditionalOnBooleanProperty(name = "nats.jetstream.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JetStreamProperties.class)
public final class JetStreamAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JetStreamOptions natsJetStreamOptions(JetStreamProperties properties) {
		JetStreamOptions.Builder builder = JetStreamOptions.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getPrefix).to(builder::prefix);
		map.from(properties::getDomain).to(builder::domain);
		map.from(properties::getRequestTimeout).to(builder::requestTimeout);
		return builder.build();
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	JetStream jetStream(Connection connection, JetStreamOptions options) {
		return JetStreamContexts.jetStream(connection, options);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	JetStreamManagement jetStreamManagement(Connection connection, JetStreamOptions options) {
		return JetStreamContexts.jetStreamManagement(connection, options);
	}

	@Bean
	@ConditionalOnMissingBean(JetStreamOperations.class)
	@ConditionalOnBean(NatsMessageConverter.class)
	JetStreamTemplate jetStreamTemplate(ObjectProvider<JetStream> jetStream, NatsMessageConverter messageConverter) {
		return new JetStreamTemplate(jetStream::getObject, messageConverter);
	}

	@Bean
	@ConditionalOnMissingBean
	JetStreamAdmin jetStreamAdmin(Connection connection, ObjectProvider<JetStreamManagement> management,
			ObjectProvider<StreamConfiguration> streams, ObjectProvider<KeyValueConfiguration> buckets) {
		return new JetStreamAdmin(connection, management::getObject, streams.orderedStream().toList(),
				buckets.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(NatsMessageConverter.class)
	KeyValueTemplates keyValueTemplates(ObjectProvider<JetStreamManagement> management,
			NatsMessageConverter messageConverter) {
		return new KeyValueTemplates(management::getObject, messageConverter);
	}

	@Bean
	@ConditionalOnMissingBean(KeyValueOperations.class)
	@ConditionalOnSingleCandidate(KeyValueConfiguration.class)
	@ConditionalOnBean(KeyValueTemplates.class)
	KeyValueTemplate keyValueTemplate(KeyValueTemplates templates, KeyValueConfiguration bucket) {
		return templates.forBucket(bucket.getBucketName());
	}

	@Bean
	@ConditionalOnMissingBean
	static JetStreamListenerAnnotationBeanPostProcessor jetStreamListenerAnnotationBeanPostProcessor() {
		return new JetStreamListenerAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	JetStreamListenerEndpointRegistry jetStreamListenerEndpointRegistry(Connection connection, JetStreamAdmin admin) {
		return new JetStreamListenerEndpointRegistry(connection, admin);
	}

	@Bean
	@ConditionalOnMissingBean
	DeferredJetStreamStart deferredJetStreamStart(Connection connection, JetStreamAdmin admin,
			JetStreamListenerEndpointRegistry registry) {
		return new DeferredJetStreamStart(connection, admin, registry);
	}

	@Bean
	@ConditionalOnMissingBean
	JetStreamListenerContainerFactory jetStreamListenerContainerFactory(ObjectProvider<Connection> connection,
			ObjectProvider<JetStream> jetStream, JetStreamProperties properties,
			@Qualifier(NatsListenerAnnotationBeanPostProcessor.DEFAULT_ERROR_HANDLER_BEAN_NAME) ObjectProvider<NatsListenerErrorHandler> errorHandler) {
		JetStreamListenerContainerFactory factory = new JetStreamListenerContainerFactory(connection::getObject,
				jetStream::getObject);
		JetStreamProperties.Listener listener = properties.getListener();
		factory.setConcurrency(listener.getConcurrency());
		factory.setBatchSize(listener.getBatchSize());
		factory.setFetchExpiry(listener.getFetchExpiry());
		errorHandler.ifAvailable(factory::setErrorHandler);
		return factory;
	}
}
