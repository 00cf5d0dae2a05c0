package io.github.natsspring.autoconfigure;

import java.util.Map;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link NatsHealthContributorAutoConfiguration} and the indicator it defines.
 */
class NatsHealthContributorAutoConfigurationTests {

	private static NatsServerProcess server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsHealthContributorAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = NatsServerProcess.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void connectedRemoteServerIsUpWithModeUrlAndServerDetails() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
			Health health = context.getBean("natsHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			Map<String, Object> details = health.getDetails();
			assertThat(details).containsEntry("mode", "remote")
				.containsEntry("url", server.getUrl())
				.containsEntry("version", "2.9.10")
				.containsKey("serverId");
		});
	}

	@Test
	void unreachableServerIsDown() {
		this.contextRunner.withPropertyValues("nats.servers=nats://127.0.0.1:" + NatsServerProcess.freePort())
			.run((context) -> {
				Health health = context.getBean("natsHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("mode", "remote").doesNotContainKey("url");
			});
	}

	@Test
	void brokerBeanMeansEmbeddedModeOnTheUrlAndPortItBound() {
		NatsBroker broker = mock(NatsBroker.class);
		given(broker.getClientUrl()).willReturn(server.getUrl());
		given(broker.getPort()).willReturn(server.getPort());
		given(broker.getOptions()).willReturn(NatsBrokerOptions.loopbackRandomPort());
		this.contextRunner.withBean(NatsBroker.class, () -> broker).run((context) -> {
			assertThat(context.getEnvironment().getProperty("local.nats.port", Integer.class))
				.isEqualTo(server.getPort());
			Health health = context.getBean("natsHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("mode", "embedded").containsEntry("url", server.getUrl());
		});
	}

	@Test
	void anEmbeddedClusterNodeReportsItsClusterAndTheUrlsTheConnectionCanFailOverTo() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0", "nats.embedded.cluster.port=0",
				"nats.embedded.cluster.name=orders")
			.run((context) -> {
				Health health = context.getBean("natsHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("cluster", "orders").containsKey("connectUrls");
			});
	}

	@Test
	void aServerWithoutClusterReportsNone() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> assertThat(
				context.getBean("natsHealthIndicator", HealthIndicator.class).health().getDetails())
			.doesNotContainKeys("cluster", "connectUrls"));
	}

	@Test
	void indicatorIsAbsentWhenDisabled() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "management.health.nats.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("natsHealthIndicator"));
	}

	@Test
	void applicationIndicatorBacksOffTheAutoConfiguredOne() {
		HealthIndicator own = () -> Health.up().build();
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.withBean("natsHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> assertThat(context.getBean("natsHealthIndicator")).isSameAs(own));
	}

	@Test
	void applicationConnectionWithoutTheAutoConfigurationIsReportedAsRemote() throws Exception {
		try (Connection own = Nats.connect(server.getUrl())) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsHealthContributorAutoConfiguration.class))
				.withBean(Connection.class, () -> own)
				.run((context) -> {
					Health health = context.getBean("natsHealthIndicator", HealthIndicator.class).health();
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("mode", "remote");
				});
		}
	}
}
