package io.github.natsspring.bench.starter;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;

/**
 * A running {@link StarterApplication}, observed or not, connected to the server under test in remote mode.
 */
final class StarterContext implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private StarterContext(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static StarterContext start(String url, StarterObservation observation) {
		List<Class<?>> sources = new ArrayList<>(List.of(StarterApplication.class));
		sources.addAll(observation.configurations());
		List<String> properties = new ArrayList<>(
				List.of("nats.servers=" + url, "spring.main.banner-mode=off", "logging.level.root=warn"));
		properties.addAll(observation.properties());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(properties.toArray(String[]::new))
			.run();
		return new StarterContext(context);
	}

	Connection connection() {
		return this.context.getBean(Connection.class);
	}

	NatsTemplate template() {
		return this.context.getBean(NatsTemplate.class);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	StarterApplication.CountingListener listener() {
		return this.context.getBean(StarterApplication.CountingListener.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
