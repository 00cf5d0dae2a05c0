package io.github.natsspring.broker.auth;

import java.util.Optional;

import io.github.natsspring.broker.protocol.ConnectOptions;

/** Accepts clients that send the configured {@code auth_token}. */
final class TokenAuthenticator implements Authenticator {

	private final String token;

	private final boolean bcrypt;

	TokenAuthenticator(String token) {
		this.token = token;
		this.bcrypt = PasswordMatcher.isBcrypt(token);
	}

	@Override
	public boolean verifiesSlowly(ConnectOptions connect) {
		return this.bcrypt;
	}

	@Override
	public boolean isRequired() {
		return true;
	}

	@Override
	public Optional<AuthResult> authenticate(AuthContext context) {
		return PasswordMatcher.matches(this.token, context.connect().authToken()) ? Optional.of(AuthResult.anonymous())
				: Optional.empty();
	}
}
