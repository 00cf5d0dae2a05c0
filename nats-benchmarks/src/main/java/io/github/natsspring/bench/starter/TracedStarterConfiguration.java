package io.github.natsspring.bench.starter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observation infrastructure of an application with Actuator and Brave: Boot's own observation, tracing and
 * Brave auto-configuration, which register the tracing handlers, with Micrometer's default meter handler over a
 * {@link SimpleMeterRegistry}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
		BraveAutoConfiguration.class })
public class TracedStarterConfiguration {

	/**
	 * The meter registry the observations' timers go to.
	 * @return the meter registry
	 */
	@Bean
	public SimpleMeterRegistry simpleMeterRegistry() {
		return new SimpleMeterRegistry();
	}

	/**
	 * Micrometer's default meter handler, which Boot's observation auto-configuration groups with the tracing
	 * handlers.
	 * @param meterRegistry the meter registry
	 * @return the meter handler
	 */
	@Bean
	public DefaultMeterObservationHandler defaultMeterObservationHandler(MeterRegistry meterRegistry) {
		return new DefaultMeterObservationHandler(meterRegistry);
	}

}
