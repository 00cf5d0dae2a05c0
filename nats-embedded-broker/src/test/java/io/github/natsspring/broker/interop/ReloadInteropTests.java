package io.github.natsspring.broker.interop;


import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.SubjectPermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A configuration reload while clients are connected, as nats-server does it on SIGHUP with a changed file (here
 * through {@code nats-server --signal reload}) and the broker does it through {@link
 * io.github.natsspring.broker.NatsBroker#reload}: clients whose credentials no longer hold are closed with the
 * error, the others stay and get their new permissions; new clients see the new settings; what cannot change is
 * refused with the same message and nothing changes.
 */
class ReloadInteropTests extends InteropScenario {

	private static final BrokerUser ALICE = new BrokerUser("alice", "a-pass");

	private static final BrokerUser BOB = new BrokerUser("bob", "b-pass");

	private static final BrokerUser CAROL = new BrokerUser("carol", "c-pass");

	@InteropTest
	void aChangedTokenClosesClientsOfTheOldOneWithAuthorizationViolation(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.token("old-token")));
		RawNatsSocket client = login(target, "\"auth_token\":\"old-token\"");

		target.reload(with(BrokerAuth.token("new-token")));

		assertThat(client.readLine()).isEqualTo("-ERR 'Authorization Violation'");
		client.readUntilClosed();
		login(target, "\"auth_token\":\"new-token\"");
	}

	@InteropTest
	void aRemovedUserIsClosedWithoutAnErrorAndTheRemainingUserStays(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.users(ALICE, BOB, CAROL)));
		RawNatsSocket alice = login(target, credentials(ALICE));
		RawNatsSocket bob = login(target, credentials(BOB));

		target.reload(with(BrokerAuth.users(ALICE, CAROL)));

		assertThat(bob.readUntilClosed()).isZero();
		alice.send("PING\r\n");
		assertThat(alice.linesUntilPong()).containsExactly("PONG");
	}

	@InteropTest
	void aChangedPasswordClosesClientsOfTheOldOneWithAuthorizationViolation(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.users(ALICE, BOB)));
		RawNatsSocket bob = login(target, credentials(BOB));

		target.reload(with(BrokerAuth.users(ALICE, new BrokerUser("bob", "changed"))));

		assertThat(bob.readLine()).isEqualTo("-ERR 'Authorization Violation'");
		bob.readUntilClosed();
	}

	@InteropTest
	void narrowerPermissionsRemoveTheSubscriptionsTheyForbidAndKeepTheClient(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.users(ALICE, BOB)));
		RawNatsSocket alice = login(target, credentials(ALICE), "SUB orders.new 1\r\nSUB audit.log 2\r\n");
		BrokerUser narrowed = ALICE.withPermissions(
				BrokerPermissions.of(SubjectPermission.allowing("orders.>"), SubjectPermission.allowing("orders.>")));

		target.reload(with(BrokerAuth.users(narrowed, BOB)));

		assertThat(alice.readLine()).isEqualTo("-ERR 'Permissions Violation for Subscription to \"audit.log\" (sid \"2\")'");
		RawNatsSocket bob = login(target, credentials(BOB), "PUB orders.new 1\r\nx\r\nPUB audit.log 1\r\ny\r\n");
		alice.send("PUB audit.log 1\r\nz\r\nPING\r\n");
		assertThat(alice.linesUntilPong()).containsExactly("MSG orders.new 1 1", "x",
				"-ERR 'Permissions Violation for Publish to \"audit.log\"'", "PONG");
		bob.close();
	}

	@InteropTest
	void newClientsGetTheReloadedMaxPayloadAndConnectedOnesAreHeldToIt(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		RawNatsSocket connected = login(target, "");

		target.reload(NatsBrokerOptions.loopbackRandomPort().toBuilder().limits((limits) -> limits.maxPayload(16)).build());

		assertThat(openRawSocket(target, 64 * 1024).info()).contains("\"max_payload\":16");
		connected.send("PUB a 17\r\n01234567890123456\r\n");
		assertThat(connected.readLine()).isEqualTo("-ERR 'Maximum Payload Violation'");
	}

	@InteropTest
	void aChangedServerNameIsRefusedAndTheRunningConfigurationKept(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, NatsBrokerOptions.loopbackRandomPort().toBuilder().serverName("before").build());
		NatsBrokerOptions renamed = NatsBrokerOptions.loopbackRandomPort().toBuilder()
			.serverName("after")
			.auth(BrokerAuth.token("t"))
			.build();

		assertThatExceptionOfType(NatsBrokerException.class).isThrownBy(() -> target.reload(renamed))
			.withMessage("config reload not supported for ServerName: old=before, new=after");

		String info = openRawSocket(target, 64 * 1024).info();
		assertThat(info).contains("\"server_name\":\"before\"").doesNotContain("\"auth_required\":true");
	}

	private RawNatsSocket login(NatsTarget target, String credentials) throws Exception {
		return login(target, credentials, "");
	}

	private RawNatsSocket login(NatsTarget target, String credentials, String protocol) throws Exception {
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);
		String fields = credentials.isEmpty() ? "" : "," + credentials;
		socket.send("CONNECT {\"verbose\":false" + fields + "}\r\n" + protocol + "PING\r\n");
		assertThat(socket.linesUntilPong()).containsExactly("PONG");
		return socket;
	}

	private static String credentials(BrokerUser user) {
		return "\"user\":\"" + user.username() + "\",\"pass\":\"" + user.password() + "\"";
	}


	private static NatsBrokerOptions with(BrokerAuth auth) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().auth(auth).build();
	}
}
