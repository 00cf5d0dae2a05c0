package io.github.natsspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.core.JsonNatsMessageConverter;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.core.NatsOperations;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * Conditions and wiring of {@link NatsAutoConfiguration}. Remote mode connects to nats-server; embedded mode
 * to the broker the configuration starts.
 */
class NatsAutoConfigurationTests {

	private static NatsServerProcess server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = NatsServerProcess.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void embeddedBrokerIsStartedWhenNoServersAreConfigured() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0").run((context) -> {
			NatsBroker broker = context.getBean(NatsBroker.class);
			assertThat(broker.isRunning()).isTrue();
			Connection connection = context.getBean(Connection.class);
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(connection.getConnectedUrl()).endsWith(":" + broker.getPort());
			assertThat(context.getEnvironment().getProperty("local.nats.port", Integer.class))
				.isEqualTo(broker.getPort());
		});
	}

	@Test
	void embeddedBrokerTakesItsSettingsFromProperties() {
		this.contextRunner
			.withPropertyValues("nats.embedded.port=0", "nats.embedded.server-name=orders-broker",
					"nats.embedded.max-payload=64KB", "nats.embedded.token=s3cret", "nats.embedded.io-threads=3")
			.run((context) -> {
				NatsBroker broker = context.getBean(NatsBroker.class);
				assertThat(broker.getOptions().serverName()).isEqualTo("orders-broker");
				assertThat(broker.getOptions().limits().maxPayload()).isEqualTo(64 * 1024);
				assertThat(broker.getOptions().auth().token()).isEqualTo("s3cret");
				assertThat(broker.getOptions().ioThreads()).isEqualTo(3);
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	@Test
	void brokerOptionsCustomizersAreApplied() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0")
			.withBean(NatsBrokerOptionsCustomizer.class, () -> (builder) -> builder.serverName("customized"))
			.run((context) -> assertThat(context.getBean(NatsBroker.class).getOptions().serverName())
				.isEqualTo("customized"));
	}

	@Test
	void embeddedBrokerRejectsTokenAndUserTogether() {
		this.contextRunner
			.withPropertyValues("nats.embedded.port=0", "nats.embedded.token=t", "nats.embedded.username=u",
					"nats.embedded.password=p")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(MutuallyExclusiveConfigurationPropertiesException.class));
	}

	@Test
	void embeddedBrokerIsNotStartedWhenServersAreConfigured() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
			assertThat(context).doesNotHaveBean(NatsBroker.class);
			assertThat(context.getBean(Connection.class).getConnectedUrl()).isEqualTo(server.getUrl());
			assertThat(context.getEnvironment().containsProperty("local.nats.port")).isFalse();
		});
	}

	@Test
	void serversGivenAsIndexedListMeanRemoteMode() {
		this.contextRunner.withPropertyValues("nats.servers[0]=" + server.getUrl())
			.run((context) -> assertThat(context).doesNotHaveBean(NatsBroker.class));
	}

	@Test
	void embeddedBrokerIsNotStartedWhenDisabled() {
		this.contextRunner.withPropertyValues("nats.embedded.enabled=false", "nats.max-reconnects=0")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(NatsBroker.class);
				assertThat(context.getBean(NatsConnectionDetails.class).getServers())
					.containsExactly(Options.DEFAULT_URL);
			});
	}

	@Test
	void embeddedBrokerIsNotStartedWhenBrokerIsNotOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NatsBroker.class))
			.withPropertyValues("nats.max-reconnects=0")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(NatsBroker.class);
				assertThat(context).hasSingleBean(PropertiesNatsConnectionDetails.class);
			});
	}

	@Test
	void applicationConnectionDetailsWinOverTheEmbeddedBroker() {
		NatsConnectionDetails details = () -> List.of(server.getUrl());
		this.contextRunner.withBean(NatsConnectionDetails.class, () -> details).run((context) -> {
			assertThat(context).doesNotHaveBean(NatsBroker.class);
			assertThat(context.getBean(NatsConnectionDetails.class)).isSameAs(details);
			assertThat(context.getBean(Connection.class).getConnectedUrl()).isEqualTo(server.getUrl());
		});
	}

	@Test
	void applicationConnectionBacksOffTheAutoConfiguredOne() {
		Connection connection = mock(Connection.class);
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.withBean(Connection.class, () -> connection)
			.run((context) -> {
				assertThat(context.getBean(Connection.class)).isSameAs(connection);
				assertThat(context.getBean(NatsTemplate.class).getConnection()).isSameAs(connection);
			});
	}

	@Test
	void applicationTemplateBacksOffTheAutoConfiguredOne() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.withBean("myOperations", NatsOperations.class, () -> mock(NatsOperations.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NatsTemplate.class)
				.hasSingleBean(NatsOperations.class));
	}

	@Test
	void applicationConverterIsUsedByTheTemplate() {
		NatsMessageConverter converter = mock(NatsMessageConverter.class);
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.withBean(NatsMessageConverter.class, () -> converter)
			.run((context) -> assertThat(context.getBean(NatsTemplate.class).getMessageConverter())
				.isSameAs(converter));
	}

	@Test
	void defaultConverterWritesJson() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.run((context) -> assertThat(context.getBean(NatsMessageConverter.class))
				.isInstanceOf(JsonNatsMessageConverter.class));
	}

	@Test
	void propertiesAreAppliedToTheConnectionOptions() {
		this.contextRunner
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.connection-name=orders",
					"nats.connection-timeout=3s", "nats.reconnect-wait=250ms", "nats.max-reconnects=7",
					"nats.ping-interval=45s", "nats.inbox-prefix=_IN.orders.", "nats.no-echo=true",
					"nats.reconnect-buffer-size=1MB")
			.run((context) -> {
				Options options = context.getBean(Connection.class).getOptions();
				assertThat(options.getConnectionName()).isEqualTo("orders");
				assertThat(options.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.getReconnectWait()).isEqualTo(Duration.ofMillis(250));
				assertThat(options.getMaxReconnect()).isEqualTo(7);
				assertThat(options.getPingInterval()).isEqualTo(Duration.ofSeconds(45));
				assertThat(options.getInboxPrefix()).isEqualTo("_IN.orders.");
				assertThat(options.isNoEcho()).isTrue();
				assertThat(options.getReconnectBufferSize()).isEqualTo(DataSize.ofMegabytes(1).toBytes());
			});
	}

	@Test
	void connectionNameDefaultsToTheApplicationName() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "spring.application.name=billing")
			.run((context) -> assertThat(context.getBean(Connection.class).getOptions().getConnectionName())
				.isEqualTo("billing"));
	}

	@Test
	void optionsCustomizersAreAppliedInOrder() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.connection-name=props")
			.withUserConfiguration(OrderedCustomizers.class)
			.run((context) -> assertThat(context.getBean(Connection.class).getOptions().getConnectionName())
				.isEqualTo("second"));
	}

	@Test
	void templateUsesTheConfiguredRequestTimeout() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.template.request-timeout=750ms")
			.run((context) -> assertThat(context.getBean(NatsTemplate.class).getDefaultRequestTimeout())
				.isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void templateCustomizersAreApplied() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.withBean(NatsTemplateCustomizer.class,
					() -> (template) -> template.setDefaultRequestTimeout(Duration.ofSeconds(42)))
			.run((context) -> assertThat(context.getBean(NatsTemplate.class).getDefaultRequestTimeout())
				.isEqualTo(Duration.ofSeconds(42)));
	}

	@Test
	void credentialsAndNkeyCannotBothBeSet() {
		this.contextRunner
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.credentials=classpath:missing.creds",
					"nats.nkey=SUAB")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(MutuallyExclusiveConfigurationPropertiesException.class));
	}

	@Test
	void unreachableServerFailsStartupWhenFailFast() {
		String url = "nats://127.0.0.1:" + NatsServerProcess.freePort();
		this.contextRunner.withPropertyValues("nats.servers=" + url, "nats.fail-fast=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new NatsConnectionFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(url).contains("nats.fail-fast");
			assertThat(analysis.getAction()).contains("nats.fail-fast=false");
		});
	}

	@Test
	void unreachableServerDoesNotFailStartupByDefault() {
		String url = "nats://127.0.0.1:" + NatsServerProcess.freePort();
		this.contextRunner.withPropertyValues("nats.servers=" + url).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Connection.class).getStatus()).isNotEqualTo(Connection.Status.CONNECTED);
		});
	}

	@Test
	void connectionIsDrainedAndClosedWithTheContext() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
			Connection connection = context.getBean(Connection.class);
			context.close();
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CLOSED);
		});
	}

	@Test
	void connectionListenerSetByACustomizerReceivesEvents() {
		List<ConnectionListener.Events> events = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl())
			.withBean(NatsOptionsCustomizer.class,
					() -> (builder) -> builder.connectionListener((connection, event) -> events.add(event)))
			.run((context) -> await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(events).contains(ConnectionListener.Events.CONNECTED)));
	}

	@Test
	void sslBundleSecuresTheConnection() {
		this.contextRunner
			.withPropertyValues("nats.servers=nats://127.0.0.1:" + NatsServerProcess.freePort(),
					"nats.ssl.bundle=nats", "nats.max-reconnects=0")
			.withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("nats", SslBundle.of(SslStoreBundle.NONE)))
			.run((context) -> {
				Options options = context.getBean(Connection.class).getOptions();
				assertThat(options.getSslContext()).isNotNull();
				assertThat(options.isTLSRequired()).isTrue();
			});
	}

	@Test
	void missingSslBundleFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.ssl.bundle=absent")
			.withBean(SslBundles.class, DefaultSslBundleRegistry::new)
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = StartupFailures
					.invalidProperty(context.getStartupFailure());
				assertThat(invalid.getName()).isEqualTo("nats.ssl.bundle");
				assertThat(invalid.getValue()).isEqualTo("absent");
				assertThat(invalid.getReason()).contains("No SSL bundle is configured");
			});
	}

	@Test
	void embeddedSslBundleWithoutSslBundlesBeanFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0", "nats.embedded.ssl.bundle=broker")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = StartupFailures
					.invalidProperty(context.getStartupFailure());
				assertThat(invalid.getName()).isEqualTo("nats.embedded.ssl.bundle");
				assertThat(invalid.getReason()).contains("no SslBundles bean").contains("SslAutoConfiguration");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		@Bean
		@Order(2)
		NatsOptionsCustomizer second() {
			return (builder) -> builder.connectionName("second");
		}

		@Bean
		@Order(1)
		NatsOptionsCustomizer first() {
			return (builder) -> builder.connectionName("first");
		}
	}
}
