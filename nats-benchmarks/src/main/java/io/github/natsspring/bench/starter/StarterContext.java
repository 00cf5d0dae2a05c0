package io.github.natsspring.bench.starter;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;

/**
 * A running {@link StarterApplication} connected to the server under test in remote mode.
 */
final class StarterContext implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private StarterContext(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static StarterContext start(String url) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("nats.servers=" + url, "spring.main.banner-mode=off", "logging.level.root=warn")
			.run();
		return new StarterContext(context);
	}

	Connection connection() {
		return this.context.getBean(Connection.class);
	}

	NatsTemplate template() {
		return this.context.getBean(NatsTemplate.class);
	}

	StarterApplication.CountingListener listener() {
		return this.context.getBean(StarterApplication.CountingListener.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
