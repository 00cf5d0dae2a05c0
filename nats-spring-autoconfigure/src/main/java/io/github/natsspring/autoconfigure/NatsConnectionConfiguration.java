package io.github.natsspring.autoconfigure;

import io.nats.client.Connection;
import io.nats.client.Options;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The jnats {@link Connection}, built from {@code nats.*} properties and the {@link NatsConnectionDetails},
 * then {@link NatsOptionsCustomizer} beans; and its draining on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class NatsConnectionConfiguration {

	private static final Log logger = LogFactory.getLog(NatsConnectionConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Connection natsConnection(NatsProperties properties, NatsConnectionDetails connectionDetails,
			ObjectProvider<NatsOptionsCustomizer> customizers, Environment environment) {
		Options.Builder builder = new NatsOptionsFactory(properties, connectionDetails)
			.createBuilder(environment.getProperty("spring.application.name"));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		Options options = builder.build();
		if (connectionDetails instanceof EmbeddedNatsConnectionDetails embedded) {
			embedded.requireCredentials(options);
		}
		logger.info("NATS " + NatsMode.of(connectionDetails).displayName() + " mode: connecting to "
				+ String.join(", ", connectionDetails.getServers()));
		return new NatsConnectionFactory(properties.isFailFast()).connect(options);
	}

	@Bean
	@ConditionalOnSingleCandidate(Connection.class)
	NatsConnectionDrainer natsConnectionDrainer(Connection connection, NatsProperties properties) {
		return new NatsConnectionDrainer(connection, properties.getDrainTimeout());
	}
}
