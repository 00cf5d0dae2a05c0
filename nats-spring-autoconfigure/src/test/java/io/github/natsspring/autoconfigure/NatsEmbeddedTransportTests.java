package io.github.natsspring.autoconfigure;

import java.util.List;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nats.embedded.transport} and {@code nats.embedded.tcp-enabled}: how the auto-configured connection reaches
 * the embedded broker, and whether the broker listens on TCP as well.
 */
class NatsEmbeddedTransportTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@Test
	void theConnectionUsesTcpByDefault() {
		this.contextRunner.run((context) -> {
			NatsConnectionDetails details = context.getBean(NatsConnectionDetails.class);
			assertThat(details.getTransport()).isEqualTo(NatsTransport.TCP);
			assertThat(details.getMode()).isEqualTo(NatsMode.EMBEDDED);
			assertThat(context.getBean(NatsBroker.class).getOptions().inJvmName()).isNull();
			assertThat(context.getBean(Connection.class).getConnectedUrl())
				.endsWith(":" + context.getBean(NatsBroker.class).getPort());
		});
	}

	@Test
	void inJvmTransportConnectsThroughTheBrokersInJvmListenerAndKeepsTcpOpen() {
		this.contextRunner.withPropertyValues("nats.embedded.transport=in-jvm").run((context) -> {
			NatsBroker broker = context.getBean(NatsBroker.class);
			Connection connection = context.getBean(Connection.class);
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(connection.getConnectedUrl()).startsWith(broker.getInJvmClientUrl() + ":");
			assertThat(context.getBean(NatsConnectionDetails.class).getTransport()).isEqualTo(NatsTransport.IN_JVM);
			assertThat(broker.getOptions().tcpListener()).isTrue();
			assertThat(context.getEnvironment().getProperty("local.nats.port", Integer.class))
				.isEqualTo(broker.getPort());
		});
	}

	@Test
	void inJvmTransportIgnoresTheClusterPeersTheBrokerAdvertisesOverTcp() {
		this.contextRunner.withPropertyValues("nats.embedded.transport=in-jvm")
			.run((context) -> assertThat(context.getBean(Connection.class).getOptions().isIgnoreDiscoveredServers())
				.isTrue());
	}

	@Test
	void inJvmTransportCanTurnTheTcpListenerOff() {
		this.contextRunner.withPropertyValues("nats.embedded.transport=in-jvm", "nats.embedded.tcp-enabled=false")
			.run((context) -> {
				NatsBroker broker = context.getBean(NatsBroker.class);
				assertThat(broker.getOptions().tcpListener()).isFalse();
				assertThat(broker.getPort()).isZero();
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(context.getEnvironment().containsProperty("local.nats.port")).isFalse();
			});
	}

	@Test
	void turningTheTcpListenerOffWithTcpTransportFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.tcp-enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nats.embedded.tcp-enabled")
				.hasMessageContaining("nats.embedded.transport=in-jvm");
		});
	}

	@Test
	void twoContextsWithInJvmTransportGetListenersOfTheirOwn() {
		this.contextRunner.withPropertyValues("nats.embedded.transport=in-jvm").run((first) -> {
			this.contextRunner.withPropertyValues("nats.embedded.transport=in-jvm").run((second) -> {
				assertThat(second.getBean(NatsBroker.class).getInJvmClientUrl())
					.isNotEqualTo(first.getBean(NatsBroker.class).getInJvmClientUrl());
				assertThat(second.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
		});
	}

	@Test
	void applicationConnectionDetailsAreRemoteAndTcp() {
		this.contextRunner.withBean(NatsConnectionDetails.class, () -> () -> List.of("nats://127.0.0.1:1"))
			.run((context) -> {
				NatsConnectionDetails details = context.getBean(NatsConnectionDetails.class);
				assertThat(details.getMode()).isEqualTo(NatsMode.REMOTE);
				assertThat(details.getTransport()).isEqualTo(NatsTransport.TCP);
			});
	}
}
