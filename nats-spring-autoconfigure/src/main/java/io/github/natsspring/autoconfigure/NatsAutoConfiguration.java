package io.github.natsspring.autoconfigure;

import io.nats.client.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for NATS. With no server configured and the embedded broker on the classpath, starts
 * the broker and connects to it; with {@code nats.servers} or an application {@link NatsConnectionDetails}
 * bean, connects to those servers instead. Provides the jnats {@link Connection} and a
 * {@link io.github.natsspring.core.NatsTemplate}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(Connection.class)
@EnableConfigurationProperties(NatsProperties.class)
@Import({ NatsEmbeddedBrokerConfiguration.class, NatsConnectionConfiguration.class, NatsTemplateConfiguration.class })
public final class NatsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NatsConnectionDetails natsConnectionDetails(NatsProperties properties, ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesNatsConnectionDetails(properties, sslBundles.getIfAvailable());
	}
}
