package io.github.natsspring.broker.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.SubjectPermission;
import io.github.natsspring.broker.tls.TestCertificates;
import io.github.natsspring.broker.tls.TestCertificates.Issued;
import io.github.natsspring.broker.tls.TestCertificates.KeyFormat;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code verify_and_map}: the client is the user its certificate names, by e-mail name or subject DN, with
 * nats-server's DN comparison, and that user's permissions apply.
 */
class CertificateMappingInteropTests extends InteropScenario {

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static Issued server;

	private static Issued alice;

	private static Issued bob;

	@BeforeAll
	static void makeCertificates() throws Exception {
		certificates = TestCertificates.create(directory, "Test CA");
		server = certificates.server("server", KeyFormat.PKCS8);
		alice = certificates.client("alice", "CN=alice,OU=dev,O=Demo", null);
		bob = certificates.client("bob", "CN=bob", "bob@example.com");
	}

	@InteropTest
	void theSubjectDnNamesTheUserWhosePermissionsApply(TargetKind kind) throws Exception {
		BrokerUser user = new BrokerUser("CN=alice,OU=dev,O=Demo", "").withPermissions(
				BrokerPermissions.of(SubjectPermission.allowing("alice.>"), SubjectPermission.unrestricted()));
		NatsTarget target = start(kind, with(BrokerAuth.users(user)));
		Queue<String> errors = new ConcurrentLinkedQueue<>();

		Connection connection = connect(options(target).sslContext(certificates.clientContext(alice))
			.errorListener(new ErrorListener() {
				@Override
				public void errorOccurred(Connection conn, String error) {
					errors.add(error);
				}
			}));
		connection.publish("alice.ok", new byte[0]);
		connection.publish("elsewhere", new byte[0]);
		connection.flush(Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(5)).until(() -> !errors.isEmpty());
		assertThat(errors).singleElement().asString().contains("Permissions Violation for Publish to \"elsewhere\"");
	}

	@InteropTest
	void aDnWithItsRdnsReorderedOrItsAttributeTypesInLowerCaseMatchesToo(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.users(new BrokerUser("o=Demo, ou=dev, cn=alice", ""))));

		assertThat(connect(options(target).sslContext(certificates.clientContext(alice))).getStatus())
			.isEqualTo(Connection.Status.CONNECTED);
	}

	@InteropTest
	void aDnWhoseValuesDifferInCaseDoesNotMatch(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.users(new BrokerUser("CN=alice,OU=dev,O=demo", ""))));

		assertRefused(target, alice);
	}

	@InteropTest
	void anEmailNameComesBeforeTheSubject(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.users(new BrokerUser("bob@example.com", ""))));

		assertThat(connect(options(target).sslContext(certificates.clientContext(bob))).getStatus())
			.isEqualTo(Connection.Status.CONNECTED);
		assertRefused(target, alice);
	}

	private void assertRefused(NatsTarget target, Issued client) {
		assertThatThrownBy(() -> connect(options(target).connectionTimeout(Duration.ofSeconds(1))
			.sslContext(certificates.clientContext(client)))).hasMessageContaining("Authorization Violation");
	}

	private static NatsBrokerOptions with(BrokerAuth auth) {
		return NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.auth(auth)
			.tls(BrokerTls.builder()
				.certificateFile(server.certificateFile())
				.privateKeyFile(server.keyFile())
				.caFile(certificates.caFile())
				.mapClientCertificates(true)
				.build())
			.build();
	}
}
