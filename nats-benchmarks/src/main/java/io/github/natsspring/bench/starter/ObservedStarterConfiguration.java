package io.github.natsspring.bench.starter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observation infrastructure Actuator gives an application without a tracer: a {@link SimpleMeterRegistry}
 * and an {@link ObservationRegistry} recording every observation as timers in it.
 */
@Configuration(proxyBeanMethods = false)
public class ObservedStarterConfiguration {

	/**
	 * The meter registry the observations' timers go to.
	 * @return the meter registry
	 */
	@Bean
	public SimpleMeterRegistry simpleMeterRegistry() {
		return new SimpleMeterRegistry();
	}

	/**
	 * The observation registry with Micrometer's default meter handler.
	 * @param meterRegistry the meter registry
	 * @return the observation registry
	 */
	@Bean
	public ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		return registry;
	}

}
