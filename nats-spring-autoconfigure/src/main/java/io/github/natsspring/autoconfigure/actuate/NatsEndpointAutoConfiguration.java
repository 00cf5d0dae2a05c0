package io.github.natsspring.autoconfigure.actuate;

import io.github.natsspring.actuate.NatsEndpoint;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@link NatsEndpoint} when the Actuator is on the classpath and the endpoint is
 * available ({@code management.endpoints.web.exposure.include=nats} to reach it over HTTP). In embedded mode it
 * describes the broker too.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class)
@ConditionalOnClass({ Connection.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnSingleCandidate(Connection.class)
@ConditionalOnAvailableEndpoint(NatsEndpoint.class)
public final class NatsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NatsEndpoint natsEndpoint(Connection connection) {
		return new NatsEndpoint(connection, null);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NatsBroker.class)
	@ConditionalOnSingleCandidate(NatsBroker.class)
	static class EmbeddedBrokerEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NatsEndpoint natsEndpoint(Connection connection, NatsBroker broker) {
			return new NatsEndpoint(connection, new EmbeddedBrokerDescription(broker));
		}
	}
}
