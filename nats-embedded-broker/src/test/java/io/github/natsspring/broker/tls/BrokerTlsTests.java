package io.github.natsspring.broker.tls;

import java.nio.file.Path;
import java.time.Duration;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.tls.TestCertificates.Issued;
import io.github.natsspring.broker.tls.TestCertificates.KeyFormat;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.InJvmDataPort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * TLS settings of the embedded broker beyond what nats-server's files cover: key material from a key manager (as a
 * Spring Boot SSL bundle gives it), and start-up errors that name the problem.
 */
class BrokerTlsTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static Issued server;

	@BeforeAll
	static void makeCertificates() throws Exception {
		certificates = TestCertificates.create(directory, "Test CA");
		server = certificates.server("server", KeyFormat.PKCS8);
	}

	@Test
	void keyMaterialCanComeFromAKeyManagerFactory() throws Exception {
		BrokerTls tls = BrokerTls.builder().keyManagerFactory(server.keyManagers()).build();
		try (NatsBroker broker = started(tls);
				Connection connection = Nats.connect(Options.builder()
					.server(broker.getClientUrl())
					.sslContext(certificates.clientContext(null))
					.build())) {
			assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
			connection.flush(Duration.ofSeconds(5));
		}
	}

	@Test
	void inJvmClientsConnectWithoutTlsWhileTcpClientsNeedIt() throws Exception {
		BrokerTls tls = BrokerTls.builder().keyManagerFactory(server.keyManagers()).build();
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort().toBuilder().tls(tls).inJvmName("tls").build();
		try (NatsBroker broker = new NatsBroker(options)) {
			broker.start();
			try (Connection inJvm = Nats.connect(Options.builder()
				.server(broker.getInJvmClientUrl())
				.dataPortType(InJvmDataPort.class.getName())
				.hostnameResolveMode(Options.HostnameResolveMode.Unresolved)
				.build())) {
				assertThat(inJvm.getServerInfo().isTLSRequired()).isFalse();
				inJvm.flush(Duration.ofSeconds(5));
			}
			try (Connection tcp = Nats.connect(Options.builder()
				.server(broker.getClientUrl())
				.sslContext(certificates.clientContext(null))
				.build())) {
				assertThat(tcp.getServerInfo().isTLSRequired()).isTrue();
			}
		}
	}

	@Test
	void aMissingCertificateFileFailsTheStartWithNatsServersWords() {
		BrokerTls tls = BrokerTls.builder()
			.certificateFile(directory.resolve("nope.pem"))
			.privateKeyFile(server.keyFile())
			.build();

		assertThatExceptionOfType(NatsBrokerException.class).isThrownBy(() -> started(tls))
			.withMessage("error parsing X509 certificate/key pair: open " + directory.resolve("nope.pem")
					+ ": no such file or directory");
	}

	@Test
	void aKeyFileWithoutAKeyFailsTheStart() {
		BrokerTls tls = BrokerTls.builder()
			.certificateFile(server.certificateFile())
			.privateKeyFile(server.certificateFile())
			.build();

		assertThatExceptionOfType(NatsBrokerException.class).isThrownBy(() -> started(tls))
			.withMessage("error parsing X509 certificate/key pair: failed to find any PEM data in key input");
	}

	@Test
	void aCertificateNeedsItsKeyAndTheOtherWayRound() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerTls.builder().certificateFile(server.certificateFile()).build())
			.withMessage("TLS Server private key must be present and valid");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerTls.builder().privateKeyFile(server.keyFile()).build())
			.withMessage("TLS Server certificate must be present and valid");
	}

	private static NatsBroker started(BrokerTls tls) {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort().toBuilder().tls(tls).build());
		broker.start();
		return broker;
	}
}
