package io.github.natsspring.test.context;

import java.nio.file.Path;

import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.autoconfigure.jetstream.JetStreamAutoConfiguration;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.test.EmbeddedNatsServer;
import io.github.natsspring.test.EmbeddedNatsSettings;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context customizer against the real auto-configuration: what it registers, and contexts side by side.
 */
class EmbeddedNatsContextCustomizerTests {

	private static final EmbeddedNatsSettings TOKEN = new EmbeddedNatsSettings("s3cret", null, null, null, 1024);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class));

	@Test
	void theContextGetsAStartedBrokerAndConnectionDetailsPointingAtIt() {
		this.runner.withInitializer(customizedWith(EmbeddedNatsSettings.DEFAULTS)).run((context) -> {
			EmbeddedNatsServer server = context.getBean(EmbeddedNatsServer.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(context.getBean(NatsConnectionDetails.class).getServers()).containsExactly(server.getUrl());
			assertThat(context.getBean(Connection.class).getConnectedUrl()).isEqualTo(server.getUrl());
		});
	}

	@Test
	void theAutoConfigurationStartsNoEmbeddedBrokerOfItsOwn() {
		this.runner.withInitializer(customizedWith(EmbeddedNatsSettings.DEFAULTS))
			.run((context) -> assertThat(context).doesNotHaveBean(NatsBroker.class)
				.hasSingleBean(NatsConnectionDetails.class));
	}

	@Test
	void theConnectionPresentsTheCredentialsTheBrokerRequires() {
		this.runner.withInitializer(customizedWith(TOKEN)).run((context) -> {
			assertThat(context.getBean(NatsConnectionDetails.class).getToken()).isEqualTo("s3cret");
			assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(context.getBean(Connection.class).getServerInfo().isAuthRequired()).isTrue();
		});
	}

	@Test
	void closingTheContextStopsItsBroker() {
		EmbeddedNatsServer[] server = new EmbeddedNatsServer[1];
		this.runner.withInitializer(customizedWith(EmbeddedNatsSettings.DEFAULTS))
			.run((context) -> server[0] = context.getBean(EmbeddedNatsServer.class));
		assertThat(server[0].isRunning()).isFalse();
	}

	@Test
	void jetStreamSettingsGiveTheContextJetStreamWithAStoreRemovedWhenItCloses() {
		Path[] store = new Path[1];
		this.runner.withConfiguration(AutoConfigurations.of(JetStreamAutoConfiguration.class))
			.withInitializer(customizedWith(new EmbeddedNatsSettings(null, null, null, null, 1024 * 1024, 1, true)))
			.run((context) -> {
				store[0] = context.getBean(EmbeddedNatsServer.class).getBroker().getOptions().jetStream()
					.storeDirectory();
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				management.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>").build());
				assertThat(management.getStreamNames()).containsExactly("ORDERS");
				assertThat(store[0]).isDirectory();
			});
		assertThat(store[0]).doesNotExist();
	}

	@Test
	void contextsSideBySideEachGetABrokerOnTheirOwnPort() {
		this.runner.withInitializer(customizedWith(EmbeddedNatsSettings.DEFAULTS))
			.run((first) -> this.runner.withInitializer(customizedWith(EmbeddedNatsSettings.DEFAULTS))
				.run((second) -> {
					EmbeddedNatsServer a = first.getBean(EmbeddedNatsServer.class);
					EmbeddedNatsServer b = second.getBean(EmbeddedNatsServer.class);
					assertThat(a.getPort()).isNotEqualTo(b.getPort());
					assertThat(first.getBean(Connection.class).getConnectedUrl()).isEqualTo(a.getUrl());
					assertThat(second.getBean(Connection.class).getConnectedUrl()).isEqualTo(b.getUrl());
				}));
	}

	@Test
	void customizersAreEqualExactlyWhenTheirSettingsAreSoCachedContextsAreSharedOnlyThen() {
		EmbeddedNatsContextCustomizer defaults = new EmbeddedNatsContextCustomizer(EmbeddedNatsSettings.DEFAULTS);
		EmbeddedNatsContextCustomizer sameDefaults = new EmbeddedNatsContextCustomizer(
				new EmbeddedNatsSettings(null, null, null, null, 1024 * 1024));
		EmbeddedNatsContextCustomizer token = new EmbeddedNatsContextCustomizer(TOKEN);
		assertThat(defaults).isEqualTo(sameDefaults).hasSameHashCodeAs(sameDefaults).isNotEqualTo(token);
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> customizedWith(EmbeddedNatsSettings settings) {
		return (context) -> new EmbeddedNatsContextCustomizer(settings).customizeContext(context, null);
	}
}
