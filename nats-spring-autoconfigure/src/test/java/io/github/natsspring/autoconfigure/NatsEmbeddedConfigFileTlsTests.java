package io.github.natsspring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS from the {@code tls} block of {@code nats.embedded.config-file}: the auto-configured connection trusts the
 * certificate the file serves, presents the client certificate of {@code nats.ssl.bundle} to a file that requires
 * one, and {@code nats.embedded.ssl.bundle} replaces the file's TLS.
 */
class NatsEmbeddedConfigFileTlsTests {

	@TempDir
	static Path directory;

	private static SelfSignedCertificate certificate;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JacksonAutoConfiguration.class,
				NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@BeforeAll
	static void makeCertificate() throws Exception {
		certificate = SelfSignedCertificate.create(directory);
	}

	@Test
	void theConnectionTrustsTheCertificateTheFileServes() throws Exception {
		this.contextRunner.withPropertyValues(configFile("")).run((context) -> {
			Connection connection = context.getBean(Connection.class);
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
			connection.flush(Duration.ofSeconds(5));
		});
	}

	@Test
	void aFileRequiringClientCertificatesFailsStartupUnlessNatsSslBundleIsSet() throws Exception {
		this.contextRunner.withPropertyValues(configFile(verifiedClients())).run((context) -> {
			InvalidConfigurationPropertyValueException invalid = StartupFailures
				.invalidProperty(context.getStartupFailure());
			assertThat(invalid.getName()).isEqualTo("nats.embedded.config-file");
			assertThat(invalid.getReason()).contains("requires client certificates")
				.contains("Set nats.ssl.bundle to an SSL bundle");
		});
	}

	@Test
	void theConnectionPresentsTheCertificateOfNatsSslBundleToAFileRequiringOne() throws Exception {
		this.contextRunner.withPropertyValues(bundle("client", configFile(verifiedClients()), "nats.ssl.bundle=client"))
			.run((context) -> {
				assertThat(context.getBean(NatsBroker.class).getOptions().tls().verifyClients()).isTrue();
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	@Test
	void theEmbeddedSslBundleReplacesTheFilesTls() throws Exception {
		this.contextRunner.withPropertyValues(bundle("broker", configFile(verifiedClients()),
				"nats.embedded.ssl.bundle=broker"))
			.run((context) -> {
				BrokerTls tls = context.getBean(NatsBroker.class).getOptions().tls();
				assertThat(tls.keyManagerFactory()).isNotNull();
				assertThat(tls.certificateFile()).isNull();
				assertThat(tls.verifyClients()).isFalse();
				assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	private static String verifiedClients() {
		return "ca_file: \"" + certificate.certificatePem() + "\"\nverify: true\n";
	}

	private static String configFile(String moreTls) throws Exception {
		String tls = "tls {\n  cert_file: \"" + certificate.certificatePem() + "\"\n  key_file: \""
				+ certificate.keyPem() + "\"\n" + moreTls + "}\n";
		Path file = Files.writeString(Files.createTempFile(directory, "nats", ".conf"), tls);
		return "nats.embedded.config-file=file:" + file;
	}

	private static String[] bundle(String name, String... more) {
		List<String> properties = new ArrayList<>(certificate.bundleProperties(name));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}
}
