package io.github.natsspring.broker.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.GoQuote;

/** Accepts clients that send the name and password of one of the configured users. */
final class UserPasswordAuthenticator implements Authenticator {

	private final Map<String, String> passwordsByUser = new HashMap<>();

	private final Map<String, Permissions> permissionsByUser = new HashMap<>();

	UserPasswordAuthenticator(BrokerAuth auth) {
		for (BrokerUser user : auth.users()) {
			this.passwordsByUser.put(user.username(), user.password());
			Permissions permissions = Permissions.of(auth.permissionsOf(user));
			if (permissions != null) {
				this.permissionsByUser.put(user.username(), permissions);
			}
		}
	}

	@Override
	public boolean isRequired() {
		return true;
	}

	@Override
	public Optional<AuthResult> authenticate(AuthContext context) {
		ConnectOptions connect = context.connect();
		if (connect.user() == null) {
			return Optional.empty();
		}
		String expected = this.passwordsByUser.get(connect.user());
		if (expected == null || !PasswordMatcher.matches(expected, connect.pass())) {
			return Optional.empty();
		}
		return Optional.of(AuthResult.user(connect.user(), this.permissionsByUser.get(connect.user())));
	}

	@Override
	public boolean verifiesSlowly(ConnectOptions connect) {
		String configured = (connect.user() != null) ? this.passwordsByUser.get(connect.user()) : null;
		return configured != null && PasswordMatcher.isBcrypt(configured);
	}

	@Override
	public String refusalLogLine(ConnectOptions connect) {
		return "authentication error - User " + GoQuote.quote((connect.user() != null) ? connect.user() : "");
	}
}
