package io.github.natsspring.broker.auth;

import java.util.Optional;

/** Lets every client in: no authentication configured. */
final class NoAuthenticator implements Authenticator {

	static final NoAuthenticator INSTANCE = new NoAuthenticator();

	private static final Optional<AuthResult> ANONYMOUS = Optional.of(AuthResult.anonymous());

	private NoAuthenticator() {
	}

	@Override
	public boolean isRequired() {
		return false;
	}

	@Override
	public Optional<AuthResult> authenticate(AuthContext context) {
		return ANONYMOUS;
	}
}
