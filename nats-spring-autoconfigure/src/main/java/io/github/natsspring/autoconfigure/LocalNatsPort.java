package io.github.natsspring.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Publishes the ports the embedded broker bound, {@code local.nats.port} for clients,
 * {@code local.nats.monitoring-port} for HTTP monitoring and {@code local.nats.cluster-port} for the routes of other
 * cluster nodes, as Boot publishes {@code local.server.port}: in a property source of its own, first in the
 * environment of the context that started the broker and of each of its ancestors, so that
 * {@code @Value("${local.nats.port}")} works in tests and in a parent context.
 */
final class LocalNatsPort {

	static final String CLIENT_PORT = "local.nats.port";

	static final String MONITORING_PORT = "local.nats.monitoring-port";

	static final String CLUSTER_PORT = "local.nats.cluster-port";

	private static final String PROPERTY_SOURCE = "nats.ports";

	private LocalNatsPort() {
	}

	static void publish(ApplicationContext context, int port) {
		publish(context, CLIENT_PORT, port);
	}

	static void publish(ApplicationContext context, String property, int port) {
		for (ApplicationContext current = context; current != null; current = current.getParent()) {
			if (current instanceof ConfigurableApplicationContext configurable) {
				publish(configurable.getEnvironment(), property, port);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void publish(ConfigurableEnvironment environment, String property, int port) {
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> source = sources.get(PROPERTY_SOURCE);
		if (source == null) {
			source = new MapPropertySource(PROPERTY_SOURCE, new HashMap<>());
			sources.addFirst(source);
		}
		((Map<String, Object>) source.getSource()).put(property, port);
	}
}
