package io.github.natsspring.autoconfigure;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the NATS health indicator, enabled by {@code management.health.nats.enabled}
 * (default on). It reports JetStream through the {@link JetStreamManagement} bean when there is one.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class)
@ConditionalOnClass({ Connection.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(Connection.class)
@ConditionalOnEnabledHealthIndicator("nats")
public final class NatsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "natsHealthIndicator")
	HealthIndicator natsHealthIndicator(Connection connection, ObjectProvider<NatsConnectionDetails> connectionDetails,
			ObjectProvider<JetStreamManagement> jetStreamManagement) {
		// a Connection the application built itself comes without connection details: it is not the embedded broker
		return new NatsHealthIndicator(connection, NatsMode.of(connectionDetails.getIfAvailable()),
				jetStreamManagement::getIfUnique);
	}
}
