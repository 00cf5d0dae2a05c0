package io.github.natsspring.broker.interop;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerNkeyUser;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.SubjectPermission;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * nkey users, with keys made at test time: the nonce in INFO, jnats signing it, and every way a signature can be
 * wrong refused as nats-server refuses it.
 */
class NkeyInteropTests extends InteropScenario {

	private static final SecureRandom RANDOM = new SecureRandom();

	@InteropTest
	void infoCarriesAFifteenCharacterNonceThatDiffersPerConnection(TargetKind kind) throws Exception {
		NKey key = NKey.createUser(RANDOM);
		NatsTarget target = start(kind, with(BrokerAuth.nkeyUsers(new BrokerNkeyUser(publicKey(key)))));

		String first = nonce(openRawSocket(target, 64 * 1024).info());
		String second = nonce(openRawSocket(target, 64 * 1024).info());

		assertThat(first).matches("[A-Za-z0-9_-]{15}");
		assertThat(second).matches("[A-Za-z0-9_-]{15}").isNotEqualTo(first);
	}

	@InteropTest
	void jnatsConnectsWithTheSeedOfAConfiguredNkey(TargetKind kind) throws Exception {
		NKey key = NKey.createUser(RANDOM);
		NatsTarget target = start(kind, with(BrokerAuth.nkeyUsers(new BrokerNkeyUser(publicKey(key)))));

		Connection connection = connect(options(target).authHandler(Nats.staticCredentials(null, key.getSeed())));

		assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		connection.flush(Duration.ofSeconds(5));
	}

	@InteropTest
	void anUnknownNkeyIsRefused(TargetKind kind) throws Exception {
		NatsTarget target = start(kind,
				with(BrokerAuth.nkeyUsers(new BrokerNkeyUser(publicKey(NKey.createUser(RANDOM))))));

		assertThatThrownBy(() -> connect(options(target).connectionTimeout(Duration.ofSeconds(1))
			.authHandler(Nats.staticCredentials(null, NKey.createUser(RANDOM).getSeed()))))
			.isInstanceOf(AuthenticationException.class)
			.hasMessageContaining("Authorization Violation");
	}

	@InteropTest
	void aMissingWrongOrUnreadableSignatureIsRefused(TargetKind kind) throws Exception {
		NKey key = NKey.createUser(RANDOM);
		NatsTarget target = start(kind, with(BrokerAuth.nkeyUsers(new BrokerNkeyUser(publicKey(key)))));
		String nkey = publicKey(key);

		assertThat(connectWithSignature(target, nkey, null)).isEqualTo("-ERR 'Authorization Violation'");
		assertThat(connectWithSignature(target, nkey, "not base64!")).isEqualTo("-ERR 'Authorization Violation'");
		String otherSignature = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(NKey.createUser(RANDOM).sign("whatever".getBytes()));
		assertThat(connectWithSignature(target, nkey, otherSignature)).isEqualTo("-ERR 'Authorization Violation'");
	}

	@InteropTest
	void aSignatureInStandardBase64IsAcceptedToo(TargetKind kind) throws Exception {
		NKey key = NKey.createUser(RANDOM);
		NatsTarget target = start(kind, with(BrokerAuth.nkeyUsers(new BrokerNkeyUser(publicKey(key)))));
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);
		String signature = Base64.getEncoder().encodeToString(key.sign(nonce(socket.info()).getBytes()));

		socket.send("CONNECT {\"verbose\":false,\"nkey\":\"" + publicKey(key) + "\",\"sig\":\"" + signature
				+ "\"}\r\nPING\r\n");

		assertThat(socket.readLine()).isEqualTo("PONG");
	}

	@InteropTest
	void nkeyUsersAndPasswordUsersShareOneServerAndNkeysCarryPermissions(TargetKind kind) throws Exception {
		NKey key = NKey.createUser(RANDOM);
		BrokerAuth auth = BrokerAuth.users(new BrokerUser("alice", "wonderland"))
			.withNkeyUsers(new BrokerNkeyUser(publicKey(key)).withPermissions(
					BrokerPermissions.of(SubjectPermission.allowing("nk.>"), SubjectPermission.unrestricted())));
		NatsTarget target = start(kind, with(auth));
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);
		String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(nonce(socket.info()).getBytes()));

		socket.send("CONNECT {\"verbose\":false,\"nkey\":\"" + publicKey(key) + "\",\"sig\":\"" + signature
				+ "\"}\r\nPUB nk.a 0\r\n\r\nPUB x 0\r\n\r\nPING\r\n");

		assertThat(socket.readLine()).isEqualTo("-ERR 'Permissions Violation for Publish to \"x\"'");
		assertThat(socket.readLine()).isEqualTo("PONG");
		assertThat(connect(options(target).userInfo("alice", "wonderland")).getStatus())
			.isEqualTo(Connection.Status.CONNECTED);
	}

	private String connectWithSignature(NatsTarget target, String nkey, String signature) throws Exception {
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);
		socket.send("CONNECT {\"verbose\":false,\"nkey\":\"" + nkey + "\""
				+ ((signature != null) ? ",\"sig\":\"" + signature + "\"" : "") + "}\r\nPING\r\n");
		return socket.readLine();
	}

	private static String nonce(String info) {
		int start = info.indexOf("\"nonce\":\"") + 9;
		return info.substring(start, info.indexOf('"', start));
	}

	private static String publicKey(NKey key) throws Exception {
		return new String(key.getPublicKey());
	}

	private static NatsBrokerOptions with(BrokerAuth auth) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().auth(auth).build();
	}
}
