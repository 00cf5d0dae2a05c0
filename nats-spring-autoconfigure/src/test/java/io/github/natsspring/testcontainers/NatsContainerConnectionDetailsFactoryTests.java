package io.github.natsspring.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

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

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsNotFoundException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.PemTrustStore;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NatsContainerConnectionDetailsFactory} as Boot finds it: {@code @ServiceConnection} container beans
 * turned into connection details by Boot's {@link ServiceConnectionAutoConfiguration}, through
 * {@code META-INF/spring.factories}. The containers run an embedded broker instead of Docker.
 */
class NatsContainerConnectionDetailsFactoryTests {

	private static final NatsBrokerOptions OPEN = NatsBrokerOptions.loopbackRandomPort();

	// relative to the module's directory, where the build runs the tests; emptied by the test that uses it
	private static final Path TLS_DIRECTORY = Path.of("target", "nats-container-tls");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ServiceConnectionAutoConfiguration.class, NatsAutoConfiguration.class));

	@Test
	void applicationConnectsToTheMappedClientPortInsteadOfStartingTheEmbeddedBroker() {
		this.contextRunner.withBean(ContainerSpec.class, () -> new ContainerSpec(OPEN))
			.withUserConfiguration(NatsServiceConnection.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(NatsBroker.class);
				int mappedPort = context.getBean(BrokerBackedNatsContainer.class).getMappedPort(4222);
				assertThat(context.getBean(NatsConnectionDetails.class).getServers())
					.containsExactly("nats://127.0.0.1:" + mappedPort);
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(connection.getConnectedUrl()).endsWith(":" + mappedPort);
			});
	}

	@Test
	void applicationAuthenticatesWithTheUserAndPasswordOfTheContainersCommand() {
		NatsBrokerOptions requiringUser = NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.auth(BrokerAuth.users(new BrokerUser("orders", "s3cret")))
			.build();
		this.contextRunner
			.withBean(ContainerSpec.class, () -> new ContainerSpec(requiringUser, "--user", "orders", "--pass", "s3cret"))
			.withUserConfiguration(NatsServiceConnection.class)
			.run((context) -> {
				NatsConnectionDetails details = context.getBean(NatsConnectionDetails.class);
				assertThat(details.getUsername()).isEqualTo("orders");
				assertThat(details.getPassword()).isEqualTo("s3cret");
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	@Test
	void applicationAuthenticatesWithTheTokenOfTheContainersCommand() {
		NatsBrokerOptions requiringToken = NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.auth(BrokerAuth.token("t0ken"))
			.build();
		this.contextRunner.withBean(ContainerSpec.class, () -> new ContainerSpec(requiringToken, "-auth=t0ken"))
			.withUserConfiguration(NatsServiceConnection.class)
			.run((context) -> {
				assertThat(context.getBean(NatsConnectionDetails.class).getToken()).isEqualTo("t0ken");
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	@Test
	void applicationTrustsTheContainerWithTheSslBundleOfItsAnnotations() throws Exception {
		FileSystemUtils.deleteRecursively(TLS_DIRECTORY);
		SelfSignedCertificate certificate = SelfSignedCertificate.create(Files.createDirectories(TLS_DIRECTORY));
		NatsBrokerOptions requiringTls = NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.tls(BrokerTls.builder()
				.certificateFile(certificate.certificatePem())
				.privateKeyFile(certificate.keyPem())
				.build())
			.build();
		this.contextRunner.withBean(ContainerSpec.class, () -> new ContainerSpec(requiringTls))
			.withUserConfiguration(TlsNatsServiceConnection.class)
			.run((context) -> {
				assertThat(context.getBean(NatsConnectionDetails.class).getSslBundle()).isNotNull();
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
			});
	}

	@Test
	void containerIsStoppedWithTheContext() {
		AtomicReference<BrokerBackedNatsContainer> container = new AtomicReference<>();
		this.contextRunner.withBean(ContainerSpec.class, () -> new ContainerSpec(OPEN))
			.withUserConfiguration(NatsServiceConnection.class)
			.run((context) -> {
				container.set(context.getBean(BrokerBackedNatsContainer.class));
				assertThat(container.get().isBrokerRunning()).isTrue();
			});
		assertThat(container.get().isBrokerRunning()).isFalse();
	}

	@Test
	void containerOfAnotherServiceIsNotTakenForNats() {
		this.contextRunner.withUserConfiguration(RedisServiceConnection.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(ConnectionDetailsNotFoundException.class));
	}

	/**
	 * What the container of a test runs: the options of its broker and the container's command.
	 * @param brokerOptions the options of the broker standing for nats-server
	 * @param command the container's command, as it would be given to nats-server
	 */
	record ContainerSpec(NatsBrokerOptions brokerOptions, String... command) {
	}

	/**
	 * A {@code @Bean} container marked as a service connection. Boot reads no image name from a bean definition, so
	 * the connection is named, as Boot's documentation shows for {@code GenericContainer} beans.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NatsServiceConnection {

		@Bean
		@ServiceConnection(name = "nats")
		BrokerBackedNatsContainer nats(ContainerSpec spec) {
			return new BrokerBackedNatsContainer("nats:2.10", spec.brokerOptions()).withCommand(spec.command());
		}
	}

	/**
	 * A service connection trusting the certificate in {@link #TLS_DIRECTORY}: Boot reads the trust store's
	 * location from the annotation, a constant.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TlsNatsServiceConnection {

		@Bean
		@ServiceConnection(name = "nats")
		@PemTrustStore("file:target/nats-container-tls/broker-cert.pem")
		BrokerBackedNatsContainer nats(ContainerSpec spec) {
			return new BrokerBackedNatsContainer("nats:2.10", spec.brokerOptions());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class RedisServiceConnection {

		@Bean
		@ServiceConnection(name = "redis")
		BrokerBackedNatsContainer redis() {
			return new BrokerBackedNatsContainer("redis:7", OPEN);
		}
	}
}
