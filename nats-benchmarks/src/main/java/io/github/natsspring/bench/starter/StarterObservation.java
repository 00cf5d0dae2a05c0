package io.github.natsspring.bench.starter;

import java.util.List;

/**
 * Whether the starter application observes its publishes and receives, as an application turning on
 * {@code nats.template.observation-enabled} and {@code nats.listener.observation-enabled} does.
 */
public enum StarterObservation {

	/** The default: no observation registry in the context, both switches off. */
	OFF("", List.of(), List.of()),

	/**
	 * Both switches on, with an {@code ObservationRegistry} whose only handler is Micrometer's default meter
	 * handler over a {@code SimpleMeterRegistry}: what an application with Actuator and no tracer has.
	 */
	METERS(", observation on", List.of(ObservedStarterConfiguration.class),
			List.of("nats.template.observation-enabled=true", "nats.listener.observation-enabled=true")),

	/**
	 * Both switches on in an application with Boot's observation and tracing auto-configuration (Brave, W3C
	 * propagation, every trace sampled, no exporter) over a {@code SimpleMeterRegistry}: timers and a span per
	 * observation, and the trace context written into every published message's headers.
	 */
	TRACING(", tracing on", List.of(TracedStarterConfiguration.class),
			List.of("nats.template.observation-enabled=true", "nats.listener.observation-enabled=true",
					"management.tracing.sampling.probability=1.0", "spring.application.name=bench"));

	private final String nameSuffix;

	private final List<Class<?>> configurations;

	private final List<String> properties;

	StarterObservation(String nameSuffix, List<Class<?>> configurations, List<String> properties) {
		this.nameSuffix = nameSuffix;
		this.configurations = configurations;
		this.properties = properties;
	}

	/** What the scenario names of this variant end with; empty for the default. */
	String nameSuffix() {
		return this.nameSuffix;
	}

	/** The configuration classes the application is started with besides {@link StarterApplication}. */
	List<Class<?>> configurations() {
		return this.configurations;
	}

	/** The properties the application is started with besides the connection's. */
	List<String> properties() {
		return this.properties;
	}

}
