package io.github.natsspring.autoconfigure;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
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

	private static Path keyStore;

	private static Path certificatePem;

	private static Path keyPem;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JacksonAutoConfiguration.class,
				NatsAutoConfiguration.class));

	@BeforeAll
	static void makeKeyStore() throws Exception {
		keyStore = directory.resolve("broker.p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize",
				"2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "1",
				"-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, "changeit".toCharArray());
		}
		certificatePem = writePem("broker-cert.pem", "CERTIFICATE", store.getCertificate("broker").getEncoded());
		keyPem = writePem("broker-key.pem", "PRIVATE KEY", store.getKey("broker", "changeit".toCharArray()).getEncoded());
	}

	private static Path writePem(String name, String type, byte[] der) throws Exception {
		Path file = directory.resolve(name);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
			.encodeToString(der) + "\n-----END " + type + "-----\n");
		return file;
	}

	@Test
	void remoteModeConnectsToNatsServerOverTlsWithTheBundle() {
		try (NatsServerProcess server = NatsServerProcess.start("--tlscert", certificatePem.toString(), "--tlskey",
				keyPem.toString())) {
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
		try (NatsServerProcess server = NatsServerProcess.start("--tlscert", certificatePem.toString(), "--tlskey",
				keyPem.toString(), "--tlscacert", certificatePem.toString(), "--tlsverify")) {
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

	private static String[] bundle(String... more) {
		List<String> properties = new ArrayList<>(List.of("nats.embedded.port=0",
				"spring.ssl.bundle.jks.broker.keystore.location=file:" + keyStore,
				"spring.ssl.bundle.jks.broker.keystore.password=changeit",
				"spring.ssl.bundle.jks.broker.keystore.type=PKCS12",
				"spring.ssl.bundle.jks.broker.truststore.location=file:" + keyStore,
				"spring.ssl.bundle.jks.broker.truststore.password=changeit",
				"spring.ssl.bundle.jks.broker.truststore.type=PKCS12"));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}
}
