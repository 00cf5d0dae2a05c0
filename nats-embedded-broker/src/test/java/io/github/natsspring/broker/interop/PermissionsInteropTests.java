package io.github.natsspring.broker.interop;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-user permissions, the same users given to both servers (nats-server reads them from its configuration
 * file): the exact errors, the connection left open, nothing delivered that the permissions hold back.
 */
class PermissionsInteropTests extends InteropScenario {

	private static final BrokerUser FREE = new BrokerUser("free", "free");

	@InteropTest
	void publishingOutsideTheAllowListOrInsideTheDenyListIsRefusedAndNotDelivered(TargetKind kind) throws Exception {
		BrokerUser orders = new BrokerUser("orders", "orders").withPermissions(BrokerPermissions
			.of(SubjectPermission.allowing("orders.>").andDenying("orders.secret"), SubjectPermission.unrestricted()));
		NatsTarget target = start(kind, with(BrokerAuth.users(orders, FREE)));
		RawNatsSocket watcher = login(target, FREE, "SUB > 1\r\n");
		RawNatsSocket publisher = login(target, orders, "");

		publisher.send("PUB orders.new 1\r\na\r\nPUB orders.secret 1\r\nb\r\nPUB other 1\r\nc\r\nPING\r\n");

		assertThat(publisher.linesUntilPong()).containsExactly(
				"-ERR 'Permissions Violation for Publish to \"orders.secret\"'",
				"-ERR 'Permissions Violation for Publish to \"other\"'", "PONG");
		watcher.send("PING\r\n");
		assertThat(watcher.linesUntilPong()).containsExactly("MSG orders.new 1 1", "a", "PONG");
	}

	@InteropTest
	void subscriptionsAreCheckedWithTheirQueueGroupAndRefusedOnesGetNoOk(TargetKind kind) throws Exception {
		BrokerUser reader = new BrokerUser("reader", "reader").withPermissions(BrokerPermissions.of(
				SubjectPermission.unrestricted(), new SubjectPermission(List.of("foo", "bar v1"), List.of("foo.x"))));
		NatsTarget target = start(kind, with(BrokerAuth.users(reader)));
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);

		socket.send("CONNECT {\"verbose\":true,\"user\":\"reader\",\"pass\":\"reader\"}\r\nSUB foo 1\r\nSUB foo.x 2\r\n"
				+ "SUB foo q 3\r\nSUB bar 4\r\nSUB bar v1 5\r\nSUB bar v2 6\r\nSUB a..b 7\r\nPING\r\n");

		assertThat(socket.linesUntilPong()).containsExactly("+OK", "+OK",
				"-ERR 'Permissions Violation for Subscription to \"foo.x\"'", "+OK",
				"-ERR 'Permissions Violation for Subscription to \"bar\"'", "+OK",
				"-ERR 'Permissions Violation for Subscription to \"bar\" using queue \"v2\"'",
				"-ERR 'Permissions Violation for Subscription to \"a..b\"'", "PONG");
	}

	@InteropTest
	void aWildcardSubscriptionThatReachesADeniedSubjectDoesNotGetItsMessages(TargetKind kind) throws Exception {
		BrokerUser reader = new BrokerUser("reader", "reader").withPermissions(
				BrokerPermissions.of(SubjectPermission.unrestricted(), SubjectPermission.denying("a.secret")));
		NatsTarget target = start(kind, with(BrokerAuth.users(reader, FREE)));
		RawNatsSocket subscriber = login(target, reader, "SUB a.* 1\r\n");
		RawNatsSocket publisher = login(target, FREE, "");
		subscriber.send("SUB a.secret 2\r\nPING\r\n");
		assertThat(subscriber.linesUntilPong()).containsExactly(
				"-ERR 'Permissions Violation for Subscription to \"a.secret\"'", "PONG");

		publisher.send("PUB a.secret 1\r\nx\r\nPUB a.ok 1\r\ny\r\nPING\r\n");
		assertThat(publisher.linesUntilPong()).containsExactly("PONG");

		subscriber.send("PING\r\n");
		assertThat(subscriber.linesUntilPong()).containsExactly("MSG a.ok 1 1", "y", "PONG");
	}

	@InteropTest
	void allowedResponsesLetAResponderAnswerEachRequestItReceivesOnce(TargetKind kind) throws Exception {
		BrokerUser responder = new BrokerUser("responder", "responder").withPermissions(
				BrokerPermissions.of(SubjectPermission.denying(">"), SubjectPermission.unrestricted())
					.allowingResponses(ResponsePermission.defaults()));
		NatsTarget target = start(kind, with(BrokerAuth.users(responder, FREE)));
		RawNatsSocket service = login(target, responder, "SUB service 1\r\n");
		RawNatsSocket requester = login(target, FREE, "SUB _INBOX.r1 9\r\n");

		requester.send("PUB service _INBOX.r1 3\r\nask\r\nPING\r\n");
		assertThat(requester.linesUntilPong()).containsExactly("PONG");
		service.send("PING\r\n");
		assertThat(service.linesUntilPong()).containsExactly("MSG service 1 _INBOX.r1 3", "ask", "PONG");
		service.send("PUB _INBOX.r1 2\r\nok\r\nPUB _INBOX.r1 5\r\nagain\r\nPUB elsewhere 1\r\nx\r\nPING\r\n");

		assertThat(service.linesUntilPong()).containsExactly(
				"-ERR 'Permissions Violation for Publish to \"_INBOX.r1\"'",
				"-ERR 'Permissions Violation for Publish to \"elsewhere\"'", "PONG");
		requester.send("PING\r\n");
		assertThat(requester.linesUntilPong()).containsExactly("MSG _INBOX.r1 9 2", "ok", "PONG");
	}

	@InteropTest
	void defaultPermissionsApplyToUsersWithoutTheirOwn(TargetKind kind) throws Exception {
		BrokerUser own = new BrokerUser("own", "own").withPermissions(
				BrokerPermissions.of(SubjectPermission.unrestricted(), SubjectPermission.unrestricted()));
		BrokerUser plain = new BrokerUser("plain", "plain");
		BrokerAuth auth = BrokerAuth.users(own, plain).withDefaultPermissions(
				BrokerPermissions.of(SubjectPermission.denying("secret.>"), SubjectPermission.unrestricted()));
		NatsTarget target = start(kind, with(auth));
		RawNatsSocket withDefaults = login(target, plain, "");
		RawNatsSocket withOwn = login(target, own, "");

		withDefaults.send("PUB secret.x 1\r\na\r\nPING\r\n");
		withOwn.send("PUB secret.x 1\r\na\r\nPING\r\n");

		assertThat(withDefaults.linesUntilPong()).containsExactly(
				"-ERR 'Permissions Violation for Publish to \"secret.x\"'", "PONG");
		assertThat(withOwn.linesUntilPong()).containsExactly("PONG");
	}

	@InteropTest
	void jnatsReportsAViolationAndStaysConnected(TargetKind kind) throws Exception {
		BrokerUser limited = new BrokerUser("limited", "limited").withPermissions(
				BrokerPermissions.of(SubjectPermission.allowing("allowed"), SubjectPermission.unrestricted()));
		NatsTarget target = start(kind, with(BrokerAuth.users(limited)));
		Queue<String> errors = new ConcurrentLinkedQueue<>();
		Connection connection = connect(options(target).userInfo("limited", "limited").errorListener(new ErrorListener() {
			@Override
			public void errorOccurred(Connection conn, String error) {
				errors.add(error);
			}
		}));

		connection.publish("forbidden", new byte[1]);
		connection.publish("allowed", new byte[1]);
		connection.flush(Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(5)).until(() -> !errors.isEmpty());
		assertThat(errors).first().asString().contains("Permissions Violation for Publish to \"forbidden\"");
		assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}

	private RawNatsSocket login(NatsTarget target, BrokerUser user, String protocol) throws Exception {
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);
		socket.send("CONNECT {\"verbose\":false,\"user\":\"" + user.username() + "\",\"pass\":\"" + user.password()
				+ "\"}\r\n" + protocol + "PING\r\n");
		assertThat(socket.linesUntilPong()).containsExactly("PONG");
		return socket;
	}


	private static NatsBrokerOptions with(BrokerAuth auth) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().auth(auth).build();
	}
}
