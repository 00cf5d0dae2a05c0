package io.github.natsspring.broker.auth;

import java.util.Optional;

/** Accepts clients that send the configured {@code auth_token}. */
final class TokenAuthenticator implements Authenticator {

	private final String token;

	TokenAuthenticator(String token) {
		this.token = token;
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
