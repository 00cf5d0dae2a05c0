package io.github.natsspring.broker.interop;

import java.time.Duration;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.Options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Authentication as jnats sees it: accepted credentials connect, refused ones fail the connect. */
class AuthInteropTests extends InteropScenario {

	private static final Duration REFUSED_CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private static final BrokerAuth TOKEN = BrokerAuth.token("s3cr3t-token");

	private static final BrokerAuth ONE_USER = BrokerAuth.users(new BrokerUser("alice", "wonderland"));

	private static final BrokerAuth TWO_USERS = BrokerAuth.users(new BrokerUser("alice", "wonderland"),
			new BrokerUser("bob", "builder"));

	@InteropTest
	void tokenIsAccepted(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(TOKEN));

		Connection connection = connect(options(target).token("s3cr3t-token".toCharArray()));

		assertConnected(connection);
	}

	@InteropTest
	void wrongTokenIsRefused(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(TOKEN));

		assertRefused(options(target).token("guess".toCharArray()));
	}

	@InteropTest
	void missingCredentialsAreRefused(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(TOKEN));

		assertRefused(options(target));
	}

	@InteropTest
	void userAndPasswordAreAccepted(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(ONE_USER));

		Connection connection = connect(options(target).userInfo("alice", "wonderland"));

		assertConnected(connection);
	}

	@InteropTest
	void wrongPasswordIsRefused(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(ONE_USER));

		assertRefused(options(target).userInfo("alice", "looking-glass"));
	}

	@InteropTest
	void eachOfSeveralUsersIsAcceptedWithItsOwnPassword(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(TWO_USERS));

		assertConnected(connect(options(target).userInfo("alice", "wonderland")));
		assertConnected(connect(options(target).userInfo("bob", "builder")));
	}

	@InteropTest
	void anotherUsersPasswordIsRefused(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(TWO_USERS));

		assertRefused(options(target).userInfo("bob", "wonderland"));
	}

	@InteropTest
	void aBcryptHashedPasswordAcceptsThePasswordAndRefusesOthers(TargetKind kind) throws Exception {
		BrokerAuth hashed = BrokerAuth.users(new BrokerUser("alice", bcrypt("wonderland")),
				new BrokerUser("bob", bcrypt("builder")));
		NatsTarget target = start(kind, with(hashed));

		assertConnected(connect(options(target).userInfo("alice", "wonderland")));
		assertConnected(connect(options(target).userInfo("bob", "builder")));
		assertRefused(options(target).userInfo("alice", "builder"));
	}

	@InteropTest
	void aBcryptHashedTokenAcceptsTheToken(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, with(BrokerAuth.token(bcrypt("s3cr3t-token"))));

		assertConnected(connect(options(target).token("s3cr3t-token".toCharArray())));
		assertRefused(options(target).token("guess".toCharArray()));
	}

	private static String bcrypt(String password) {
		return BCrypt.withDefaults().hashToString(6, password.toCharArray());
	}

	private static NatsBrokerOptions with(BrokerAuth auth) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().auth(auth).build();
	}

	private static void assertConnected(Connection connection) throws Exception {
		assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(connection.getServerInfo().isAuthRequired()).isTrue();
		connection.flush(Duration.ofSeconds(5));
	}

	/**
	 * jnats reports the server's {@code -ERR 'Authorization Violation'} only once its connect timeout has run
	 * out, so refused attempts use a short one.
	 */
	private void assertRefused(Options.Builder options) {
		assertThatThrownBy(() -> connect(options.connectionTimeout(REFUSED_CONNECT_TIMEOUT)))
			.isInstanceOf(AuthenticationException.class)
			.hasMessage("Authentication error connecting to NATS server: Authorization Violation");
	}
}
