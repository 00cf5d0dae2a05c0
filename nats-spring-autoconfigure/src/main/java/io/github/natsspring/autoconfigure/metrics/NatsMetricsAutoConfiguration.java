package io.github.natsspring.autoconfigure.metrics;

import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.metrics.NatsBrokerMetrics;
import io.github.natsspring.metrics.NatsConnectionMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of NATS meters when the application has a Micrometer {@link MeterRegistry}: the
 * {@link NatsConnectionMetrics} of the connection and, in embedded mode, the {@link NatsBrokerMetrics} of the broker.
 * Boot's metrics auto-configuration binds them to the registries.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ Connection.class, MeterBinder.class })
@ConditionalOnBean(MeterRegistry.class)
public final class NatsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnSingleCandidate(Connection.class)
	@ConditionalOnMissingBean
	NatsConnectionMetrics natsConnectionMetrics(Connection connection) {
		return new NatsConnectionMetrics(connection);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NatsBroker.class)
	@ConditionalOnSingleCandidate(NatsBroker.class)
	static class BrokerMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NatsBrokerMetrics natsBrokerMetrics(NatsBroker broker) {
			return new NatsBrokerMetrics(broker);
		}
	}
}
