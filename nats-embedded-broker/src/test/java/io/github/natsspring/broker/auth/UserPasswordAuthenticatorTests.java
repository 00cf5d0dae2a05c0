package io.github.natsspring.broker.auth;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.SubjectPermission;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.ProtocolViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users with passwords: who is let in, with which permissions, and how a refusal is logged.
 */
class UserPasswordAuthenticatorTests {

	private final BrokerAuth auth = BrokerAuth
		.users(new BrokerUser("alice", "wonderland").withPermissions(
				BrokerPermissions.of(SubjectPermission.allowing("a.>"), SubjectPermission.unrestricted())),
				new BrokerUser("bob", "builder"))
		.withDefaultPermissions(
				BrokerPermissions.of(SubjectPermission.denying("secret.>"), SubjectPermission.unrestricted()));

	private final Authenticator authenticator = Authenticator.of(this.auth);

	@Test
	void aUserGetsItsOwnPermissionsOrTheDefaultOnes() throws ProtocolViolation {
		AuthResult alice = this.authenticator.authenticate(context("alice", "wonderland")).orElseThrow();
		AuthResult bob = this.authenticator.authenticate(context("bob", "builder")).orElseThrow();

		assertThat(alice.principal()).isEqualTo("alice");
		assertThat(alice.permissions().allowsPublishing("b")).isFalse();
		assertThat(bob.permissions().allowsPublishing("b")).isTrue();
		assertThat(bob.permissions().allowsPublishing("secret.x")).isFalse();
	}

	@Test
	void aWrongPasswordOrUnknownUserIsRefused() throws ProtocolViolation {
		assertThat(this.authenticator.authenticate(context("alice", "builder"))).isEmpty();
		assertThat(this.authenticator.authenticate(context("carol", "x"))).isEmpty();
	}

	@Test
	void aRefusalIsLoggedWithTheUserTheClientNamed() throws ProtocolViolation {
		assertThat(this.authenticator.refusalLogLine(ConnectOptions.parse("{\"user\":\"carol\"}")))
			.isEqualTo("authentication error - User \"carol\"");
	}

	private static AuthContext context(String user, String pass) throws ProtocolViolation {
		return new AuthContext(ConnectOptions.parse("{\"user\":\"" + user + "\",\"pass\":\"" + pass + "\"}"), null,
				null, null);
	}
}
