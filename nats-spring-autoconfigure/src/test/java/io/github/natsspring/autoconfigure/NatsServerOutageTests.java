package io.github.natsspring.autoconfigure;

import java.time.Duration;

import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application starts while its remote server is down and connects once the server appears, with the
 * subscriptions it made in the meantime.
 */
class NatsServerOutageTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsHealthContributorAutoConfiguration.class));

	@Test
	void applicationStartsWhileServerIsDownAndConnectsWhenItAppears() {
		int port = NatsServerProcess.freePort();
		this.contextRunner
			.withPropertyValues("nats.servers=nats://127.0.0.1:" + port, "nats.reconnect-wait=100ms",
					"nats.connection-timeout=500ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthIndicator health = context.getBean("natsHealthIndicator", HealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
				Connection connection = context.getBean(Connection.class);
				Subscription subscription = connection.subscribe("after.outage");
				try (NatsServerProcess server = NatsServerProcess.startOn(port)) {
					await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));
					connection.flush(Duration.ofSeconds(1));
					context.getBean(NatsTemplate.class).convertAndSend("after.outage", "back");
					assertThat(subscription.nextMessage(Duration.ofSeconds(2)).getData()).asString().isEqualTo("back");
				}
			});
	}
}
