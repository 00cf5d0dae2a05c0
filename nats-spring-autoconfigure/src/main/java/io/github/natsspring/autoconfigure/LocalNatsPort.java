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
 * Publishes the port the embedded broker bound as {@code local.nats.port}, as Boot publishes
 * {@code local.server.port}: in a property source of its own, first in the environment of the context that
 * started the broker and of each of its ancestors, so that {@code @Value("${local.nats.port}")} works in tests
 * and in a parent context.
 */
final class LocalNatsPort {

	private static final String PROPERTY = "local.nats.port";

	private static final String PROPERTY_SOURCE = "nats.ports";

	private LocalNatsPort() {
	}

	static void publish(ApplicationContext context, int port) {
		for (ApplicationContext current = context; current != null; current = current.getParent()) {
			if (current instanceof ConfigurableApplicationContext configurable) {
				publish(configurable.getEnvironment(), port);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void publish(ConfigurableEnvironment environment, int port) {
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> source = sources.get(PROPERTY_SOURCE);
		if (source == null) {
			source = new MapPropertySource(PROPERTY_SOURCE, new HashMap<>());
			sources.addFirst(source);
		}
		((Map<String, Object>) source.getSource()).put(PROPERTY, port);
	}
}
