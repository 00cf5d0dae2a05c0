package io.github.natsspring.autoconfigure;

import io.github.natsspring.broker.NatsBroker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code local.nats.port} published as Boot publishes {@code local.server.port}: in the context that starts the
 * embedded broker and in its ancestors.
 */
class LocalNatsPortTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@Test
	void portReachesTheParentAndGrandparentContexts() {
		try (GenericApplicationContext grandparent = refreshed(null);
				GenericApplicationContext parent = refreshed(grandparent)) {
			this.contextRunner.withParent(parent).run((context) -> {
				int port = context.getBean(NatsBroker.class).getPort();
				assertThat(context.getEnvironment().getProperty("local.nats.port", Integer.class)).isEqualTo(port);
				assertThat(parent.getEnvironment().getProperty("local.nats.port", Integer.class)).isEqualTo(port);
				assertThat(grandparent.getEnvironment().getProperty("local.nats.port", Integer.class))
					.isEqualTo(port);
			});
		}
	}

	@Test
	void publishedPortTakesPrecedenceOverAConfiguredOne() {
		this.contextRunner.withPropertyValues("local.nats.port=4222").run((context) -> {
			int port = context.getBean(NatsBroker.class).getPort();
			assertThat(port).isNotEqualTo(4222);
			assertThat(context.getEnvironment().getProperty("local.nats.port", Integer.class)).isEqualTo(port);
		});
	}

	private static GenericApplicationContext refreshed(@Nullable GenericApplicationContext parent) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setParent(parent);
		context.refresh();
		return context;
	}
}
