package io.github.natsspring.autoconfigure.metrics;

import java.time.Duration;

import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsServerProcess;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.core.NatsTemplate;
import io.github.natsspring.metrics.NatsBrokerMetrics;
import io.github.natsspring.metrics.NatsConnectionMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NATS meters, bound by Boot's metrics auto-configuration to its {@code SimpleMeterRegistry}, against real
 * traffic.
 */
class NatsMetricsAutoConfigurationTests {

	private static final int MESSAGES = 10;

	private static final byte[] PAYLOAD = "sixteen bytes!!!".getBytes();

	private final ApplicationContextRunner natsOnly = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsMetricsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	private final ApplicationContextRunner withMetrics = this.natsOnly.withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class));

	@Test
	void connectionAndBrokerMetersCountTheTrafficInEmbeddedMode() {
		this.withMetrics.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			double sentBefore = exchangeMessages(context.getBean(Connection.class), context.getBean(NatsTemplate.class),
					registry);
			assertThat(count(registry, "nats.connection.messages.out") - sentBefore).isEqualTo(MESSAGES);
			assertThat(count(registry, "nats.connection.messages.in")).isEqualTo(MESSAGES);
			assertThat(count(registry, "nats.connection.bytes.out")).isGreaterThanOrEqualTo(MESSAGES * PAYLOAD.length);
			assertThat(count(registry, "nats.connection.bytes.in")).isGreaterThanOrEqualTo(MESSAGES * PAYLOAD.length);
			assertThat(count(registry, "nats.connection.messages.dropped")).isZero();
			assertThat(count(registry, "nats.connection.reconnects")).isZero();
			assertThat(registry.get("nats.connection.connected").gauge().value()).isEqualTo(1);
			assertThat(registry.get("nats.connection.pending.messages").gauge().value()).isZero();

			Awaitility.await("broker counts the deliveries")
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(count(registry, "nats.broker.messages.out")).isEqualTo(MESSAGES));
			assertThat(count(registry, "nats.broker.messages.in")).isEqualTo(MESSAGES);
			assertThat(count(registry, "nats.broker.bytes.in")).isEqualTo(MESSAGES * PAYLOAD.length);
			assertThat(count(registry, "nats.broker.bytes.out")).isEqualTo(MESSAGES * PAYLOAD.length);
			assertThat(count(registry, "nats.broker.connections.accepted")).isEqualTo(1);
			assertThat(count(registry, "nats.broker.slow.consumers")).isZero();
			assertThat(registry.get("nats.broker.connections").gauge().value()).isEqualTo(1);
			assertThat(registry.get("nats.broker.subscriptions").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void remoteModeHasConnectionMetersOnly() {
		try (NatsServerProcess server = NatsServerProcess.start()) {
			this.withMetrics.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				assertThat(context).hasSingleBean(NatsConnectionMetrics.class).doesNotHaveBean(NatsBrokerMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				double sentBefore = exchangeMessages(context.getBean(Connection.class),
						context.getBean(NatsTemplate.class), registry);
				assertThat(count(registry, "nats.connection.messages.out") - sentBefore).isEqualTo(MESSAGES);
				assertThat(count(registry, "nats.connection.messages.in")).isEqualTo(MESSAGES);
				assertThat(registry.find("nats.broker.connections").meter()).isNull();
			});
		}
	}

	@Test
	void noMeterRegistryMeansNoMeters() {
		this.natsOnly.run((context) -> assertThat(context).hasSingleBean(NatsBroker.class)
			.doesNotHaveBean(NatsConnectionMetrics.class)
			.doesNotHaveBean(NatsBrokerMetrics.class));
	}

	@Test
	void withoutMicrometerOnTheClasspathNothingIsConfigured() {
		this.natsOnly.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasSingleBean(Connection.class)
				.doesNotHaveBean(NatsConnectionMetrics.class)
				.doesNotHaveBean(NatsBrokerMetrics.class));
	}

	@Test
	void userBinderBacksOff() {
		this.withMetrics.withUserConfiguration(TaggedMetricsConfiguration.class).run((context) -> {
			assertThat(context).getBean(NatsConnectionMetrics.class).isSameAs(context.getBean("taggedNatsMetrics"));
			assertThat(context.getBean(MeterRegistry.class).get("nats.connection.messages.out").meters())
				.singleElement()
				.satisfies((meter) -> assertThat(meter.getId().getTag("connection")).isEqualTo("orders"));
		});
	}

	/**
	 * Publishes messages to a subscription of the same connection and receives them.
	 * @return the messages the connection had sent before publishing: jnats counts its protocol messages too
	 */
	private static double exchangeMessages(Connection connection, NatsTemplate template, MeterRegistry registry)
			throws Exception {
		Subscription subscription = connection.subscribe("metrics.traffic");
		connection.flush(Duration.ofSeconds(2));
		double sentBefore = count(registry, "nats.connection.messages.out");
		for (int i = 0; i < MESSAGES; i++) {
			template.publish("metrics.traffic", PAYLOAD);
		}
		for (int i = 0; i < MESSAGES; i++) {
			assertThat(subscription.nextMessage(Duration.ofSeconds(5))).isNotNull();
		}
		return sentBefore;
	}

	@Configuration(proxyBeanMethods = false)
	static class TaggedMetricsConfiguration {

		@Bean
		NatsConnectionMetrics taggedNatsMetrics(Connection connection) {
			return new NatsConnectionMetrics(connection, Tags.of("connection", "orders"));
		}
	}

	private static double count(MeterRegistry registry, String name) {
		return registry.get(name).functionCounter().count();
	}
}
