package io.github.natsspring.docker.compose;

import java.nio.file.Path;
import java.util.Map;

import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.autoconfigure.SelfSignedCertificate;
import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NatsDockerComposeConnectionDetailsFactory} as Boot finds it: through {@code META-INF/spring.factories},
 * given a running service as Compose reports it. The services' published ports lead to brokers in this JVM.
 */
class NatsDockerComposeConnectionDetailsFactoryTests {

	private final ConnectionDetailsFactories factories = new ConnectionDetailsFactories(null);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class));

	@Test
	void natsServiceGivesTheUrlOfTheHostPortItsClientPortIsPublishedOn() {
		NatsConnectionDetails details = natsDetails(ComposeService.of("nats:2.10", 4222, 34222),
				new MockEnvironment());
		assertThat(details.getServers()).containsExactly("nats://127.0.0.1:34222");
		assertThat(details.getUsername()).isNull();
		assertThat(details.getToken()).isNull();
		assertThat(details.getSslBundle()).isNull();
	}

	@Test
	void natsServiceOfAFullyQualifiedImageIsRecognised() {
		NatsConnectionDetails details = natsDetails(
				ComposeService.of("docker.io/library/nats:2.10-alpine", 4222, 34223), new MockEnvironment());
		assertThat(details.getServers()).containsExactly("nats://127.0.0.1:34223");
	}

	@Test
	void serviceOfAnotherImageGivesNoNatsConnectionDetails() {
		Map<Class<?>, ConnectionDetails> details = this.factories.getConnectionDetails(
				TestDockerComposeConnectionSource.of(ComposeService.of("redis:7", 6379, 36379), new MockEnvironment()),
				false);
		assertThat(details).doesNotContainKey(NatsConnectionDetails.class);
	}

	@Test
	void serviceLabelledAsNatsIsRecognisedWhateverItsImage() {
		RunningService service = ComposeService.of("registry.example.com/messaging/broker:1", 4222, 34224)
			.withLabels(Map.of("org.springframework.boot.service-connection", "nats"));
		assertThat(natsDetails(service, new MockEnvironment()).getServers())
			.containsExactly("nats://127.0.0.1:34224");
	}

	@Test
	void credentialsAreThoseOfTheNatsProperties() {
		MockEnvironment environment = new MockEnvironment().withProperty("nats.username", "orders")
			.withProperty("nats.password", "s3cret")
			.withProperty("nats.token", "t0ken");
		NatsConnectionDetails details = natsDetails(ComposeService.of("nats:2.10", 4222, 34225), environment);
		assertThat(details.getUsername()).isEqualTo("orders");
		assertThat(details.getPassword()).isEqualTo("s3cret");
		assertThat(details.getToken()).isEqualTo("t0ken");
	}

	@Test
	void applicationConnectsToTheServiceInsteadOfStartingTheEmbeddedBroker() throws Exception {
		try (NatsBroker service = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			service.start();
			NatsConnectionDetails details = natsDetails(ComposeService.of("nats:2.10", 4222, service.getPort()),
					new MockEnvironment());
			this.contextRunner.withBean(NatsConnectionDetails.class, () -> details).run((context) -> {
				assertThat(context).doesNotHaveBean(NatsBroker.class);
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(connection.getConnectedUrl()).endsWith(":" + service.getPort());
			});
		}
	}

	@Test
	void applicationAuthenticatesToTheServiceWithTheNatsProperties() throws Exception {
		NatsBrokerOptions options = NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.auth(BrokerAuth.users(new BrokerUser("orders", "s3cret")))
			.build();
		try (NatsBroker service = new NatsBroker(options)) {
			service.start();
			RunningService compose = ComposeService.of("nats:2.10", 4222, service.getPort());
			this.contextRunner.withPropertyValues("nats.username=orders", "nats.password=s3cret")
				.withInitializer((context) -> context.getBeanFactory()
					.registerSingleton("natsConnectionDetailsForMessaging",
							natsDetails(compose, context.getEnvironment())))
				.run((context) -> {
					Connection connection = context.getBean(Connection.class);
					assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
					assertThat(connection.getConnectedUrl()).endsWith(":" + service.getPort());
				});
		}
	}

	@Test
	void applicationTrustsTheServiceWithTheSslBundleOfItsLabels(@TempDir Path directory) throws Exception {
		SelfSignedCertificate certificate = SelfSignedCertificate.create(directory);
		NatsBrokerOptions options = NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.tls(BrokerTls.builder()
				.certificateFile(certificate.certificatePem())
				.privateKeyFile(certificate.keyPem())
				.build())
			.build();
		try (NatsBroker service = new NatsBroker(options)) {
			service.start();
			RunningService compose = ComposeService.of("nats:2.10", 4222, service.getPort())
				.withLabels(Map.of("org.springframework.boot.sslbundle.pem.truststore.certificate",
						certificate.certificatePem().toUri().toString()));
			NatsConnectionDetails details = natsDetails(compose, new MockEnvironment());
			assertThat(details.getSslBundle()).isNotNull();
			this.contextRunner.withBean(NatsConnectionDetails.class, () -> details).run((context) -> {
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
			});
		}
	}

	private NatsConnectionDetails natsDetails(RunningService service, Environment environment) {
		Map<Class<?>, ConnectionDetails> details = this.factories
			.getConnectionDetails(TestDockerComposeConnectionSource.of(service, environment), true);
		assertThat(details).containsOnlyKeys(NatsConnectionDetails.class);
		return (NatsConnectionDetails) details.get(NatsConnectionDetails.class);
	}
}
