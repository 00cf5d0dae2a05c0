package io.github.natsspring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS through Spring Boot SSL bundles: the embedded broker serving TLS from a bundle with the auto-configured
 * connection using the same bundle, and remote mode against nats-server with TLS and mutual TLS. The key store is
 * made with the JDK's keytool at test time, and written out as PEM files for nats-server.
 */
class NatsTlsTests {

	@TempDir
	static Path directory;

	private static SelfSignedCertificate certificate;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JacksonAutoConfiguration.class,
				NatsAutoConfiguration.class));

	@BeforeAll
	static void makeCertificate() throws Exception {
		certificate = SelfSignedCertificate.create(directory);
	}

	@Test
	void remoteModeConnectsToNatsServerOverTlsWithTheBundle() {
		try (NatsServerProcess server = NatsServerProcess.start("--tlscert", certificate.certificatePem().toString(),
				"--tlskey", certificate.keyPem().toString())) {
			this.contextRunner.withPropertyValues(bundle("nats.servers=" + server.getUrl(), "nats.ssl.bundle=broker"))
				.run((context) -> {
					Connection connection = context.getBean(Connection.class);
					assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
					assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
				});
		}
	}

	@Test
	void remoteModeConnectsToNatsServerWithMutualTlsWithTheBundle() {
		try (NatsServerProcess server = NatsServerProcess.start("--tlscert", certificate.certificatePem().toString(),
				"--tlskey", certificate.keyPem().toString(), "--tlscacert", certificate.certificatePem().toString(),
				"--tlsverify")) {
			this.contextRunner.withPropertyValues(bundle("nats.servers=" + server.getUrl(), "nats.ssl.bundle=broker"))
				.run((context) -> assertThat(context.getBean(Connection.class).getStatus())
					.isEqualTo(Connection.Status.CONNECTED));
		}
	}

	@Test
	void theEmbeddedBrokerServesTlsFromTheBundleAndTheConnectionTrustsIt() {
		this.contextRunner.withPropertyValues(bundle("nats.embedded.ssl.bundle=broker")).run((context) -> {
			NatsBroker broker = context.getBean(NatsBroker.class);
			assertThat(broker.getOptions().tls()).isNotNull();
			Connection connection = context.getBean(Connection.class);
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
			connection.flush(Duration.ofSeconds(5));
		});
	}

	@Test
	void aClientWithoutTlsCannotConnectToTheEmbeddedBroker() {
		this.contextRunner.withPropertyValues(bundle("nats.embedded.ssl.bundle=broker")).run((context) -> {
			String url = context.getBean(NatsBroker.class).getClientUrl();
			assertThatThrownBy(() -> Nats.connect(Options.builder()
				.server(url)
				.connectionTimeout(Duration.ofSeconds(1))
				.maxReconnects(0)
				.build())).isNotNull();
		});
	}

	@Test
	void withVerifiedClientsTheConnectionPresentsTheBundlesCertificate() {
		this.contextRunner
			.withPropertyValues(bundle("nats.embedded.ssl.bundle=broker", "nats.embedded.ssl.verify-clients=true"))
			.run((context) -> {
				assertThat(context.getBean(NatsBroker.class).getOptions().tls().verifyClients()).isTrue();
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	@Test
	void aMissingEmbeddedBundleFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues(bundle("nats.embedded.ssl.bundle=absent")).run((context) -> {
			InvalidConfigurationPropertyValueException invalid = StartupFailures
				.invalidProperty(context.getStartupFailure());
			assertThat(invalid.getName()).isEqualTo("nats.embedded.ssl.bundle");
			assertThat(invalid.getValue()).isEqualTo("absent");
			assertThat(invalid.getReason()).contains("No SSL bundle named 'absent' exists")
				.contains("The configured bundles are broker")
				.contains("spring.ssl.bundle.jks.absent.*");
		});
	}

	@Test
	void clusterNodesRouteOverTlsWithTheBundleBothWays() {
		this.contextRunner
			.withPropertyValues(bundle("nats.embedded.cluster.port=0", "nats.embedded.cluster.ssl.bundle=broker",
					"nats.embedded.cluster.ssl.verify-peers=true"))
			.run((first) -> {
				int clusterPort = first.getBean(NatsBroker.class).getClusterPort();
				assertThat(first.getBean(NatsBroker.class).getOptions().cluster().tls().verifyClients()).isTrue();
				this.contextRunner
					.withPropertyValues(bundle("nats.embedded.cluster.port=0",
							"nats.embedded.cluster.ssl.bundle=broker", "nats.embedded.cluster.ssl.verify-peers=true",
							"nats.embedded.cluster.routes=nats://127.0.0.1:" + clusterPort))
					.run((second) -> {
						Connection publisher = first.getBean(Connection.class);
						Subscription subscription = second.getBean(Connection.class).subscribe("over.tls");
						second.getBean(Connection.class).flush(Duration.ofSeconds(5));
						Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
							publisher.publish("over.tls", null);
							assertThat(subscription.nextMessage(Duration.ofMillis(100))).isNotNull();
						});
					});
			});
	}

	@Test
	void aMissingClusterBundleFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(bundle("nats.embedded.cluster.port=0", "nats.embedded.cluster.ssl.bundle=absent"))
			.run((context) -> assertThat(StartupFailures.invalidProperty(context.getStartupFailure()).getName())
				.isEqualTo("nats.embedded.cluster.ssl.bundle"));
	}

	@Test
	void aClusterBundleIsNotNeededWhileTheClusterIsOff() {
		this.contextRunner.withPropertyValues(bundle("nats.embedded.cluster.ssl.bundle=absent"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static String[] bundle(String... more) {
		List<String> properties = new ArrayList<>(List.of("nats.embedded.port=0"));
		properties.addAll(certificate.bundleProperties("broker"));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}
}
