package io.github.natsspring.broker.auth;

import io.github.natsspring.broker.protocol.ConnectOptions;

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
	public boolean authenticate(ConnectOptions connect) {
		return PasswordMatcher.matches(token, connect.authToken());
	}
}
