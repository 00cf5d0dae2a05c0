package io.github.natsspring.broker.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.interop.NatsServerBinary;
import io.github.natsspring.broker.tls.TestCertificates;
import io.github.natsspring.broker.tls.TestCertificates.Issued;
import io.github.natsspring.broker.tls.TestCertificates.KeyFormat;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routes over TLS, with client certificates verified both ways, between brokers and with nats-server. */
class RouteTlsTests {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static Issued node;

	private final ClusterBrokers brokers = new ClusterBrokers();

	private Process natsServer;

	@BeforeAll
	static void issue() throws Exception {
		certificates = TestCertificates.create(directory, "Route CA");
		node = certificates.server("node", KeyFormat.PKCS8);
	}

	@AfterEach
	void close() {
		this.brokers.close();
		if (this.natsServer != null) {
			this.natsServer.destroyForcibly();
		}
	}

	@Test
	void brokersRouteOverVerifiedTls() throws Exception {
		NatsBroker a = this.brokers.start("A", (cluster) -> cluster.tls(tls()), new int[0]);
		NatsBroker b = this.brokers.start("B", (cluster) -> cluster.tls(tls()), a.getClusterPort());
		this.brokers.awaitFullMesh();

		assertMessageCrosses(a.getClientUrl(), b.getClientUrl(), a);
	}

	@Test
	void aPlaintextPeerGetsNoRoute() throws IOException {
		NatsBroker a = this.brokers.start("A", (cluster) -> cluster.tls(tls()), new int[0]);
		try (RawSocket plaintext = RawSocket.connect(a.getClusterPort())) {
			plaintext.send("CONNECT {\"name\":\"NX\",\"cluster\":\"demo\"}\r\n");

			assertThat(plaintext.readUntilClosed(Duration.ofSeconds(5))).doesNotContain("INFO");
			assertThat(a.getRouteCount()).isZero();
		}
	}

	@Test
	void aBrokerRoutesOverTlsWithNatsServer() throws Exception {
		int port = NatsServerNode.freePort();
		int clusterPort = NatsServerNode.freePort();
		NatsBroker java = this.brokers.start("J", (cluster) -> cluster.tls(tls()), new int[0]);
		Path config = Files.writeString(directory.resolve("tls-route.conf"), "cluster {\n  name: demo\n  listen: \"127.0.0.1:"
				+ clusterPort + "\"\n  routes: [\"nats-route://127.0.0.1:" + java.getClusterPort() + "\"]\n  tls {\n"
				+ "    cert_file: \"" + node.certificateFile() + "\"\n    key_file: \"" + node.keyFile() + "\"\n"
				+ "    ca_file: \"" + certificates.caFile() + "\"\n    verify: true\n  }\n}\n");
		Path log = directory.resolve("tls-route.log");
		this.natsServer = new ProcessBuilder(NatsServerBinary.require().toString(), "-a", "127.0.0.1", "-p",
				Integer.toString(port), "-n", "N", "-c", config.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> java.getRouteCount() == 1);
		assertMessageCrosses("nats://127.0.0.1:" + port, java.getClientUrl(), java);
	}

	private static BrokerTls tls() {
		return BrokerTls.builder()
			.certificateFile(node.certificateFile())
			.privateKeyFile(node.keyFile())
			.caFile(certificates.caFile())
			.verifyClients(true)
			.build();
	}

	private void assertMessageCrosses(String publisherUrl, String subscriberUrl, NatsBroker observed)
			throws Exception {
		Connection subscriber = Nats.connect(subscriberUrl);
		this.brokers.closeLater(subscriber);
		Subscription subscription = subscriber.subscribe("secure");
		subscriber.flush(Duration.ofSeconds(2));
		Connection publisher = Nats.connect(publisherUrl);
		this.brokers.closeLater(publisher);
		await().atMost(Duration.ofSeconds(5)).until(() -> observed.getSubscriptionCount() >= 1);
		// the publisher's server must have the interest: a request gets no 503 once it has
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			publisher.publish("secure", "probe".getBytes(StandardCharsets.UTF_8));
			return subscription.nextMessage(Duration.ofMillis(200)) != null;
		});

		publisher.publish("secure", "over tls".getBytes(StandardCharsets.UTF_8));

		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		while (message != null && new String(message.getData(), StandardCharsets.UTF_8).equals("probe")) {
			message = subscription.nextMessage(Duration.ofSeconds(2));
		}
		assertThat(message).isNotNull();
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("over tls");
	}
}
