package io.github.natsspring.autoconfigure;

import io.nats.client.Connection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the NATS health indicator, enabled by {@code management.health.nats.enabled}
 * (default on).
 */
@AutoConfiguration(after = NatsAutoConfiguration.class)
@ConditionalOnClass({ Connection.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(Connection.class)
@ConditionalOnEnabledHealthIndicator("nats")
public final class NatsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "natsHealthIndicator")
	HealthIndicator natsHealthIndicator(Connection connection, NatsConnectionDetails connectionDetails) {
		return new NatsHealthIndicator(connection, NatsMode.of(connectionDetails));
	}
}
