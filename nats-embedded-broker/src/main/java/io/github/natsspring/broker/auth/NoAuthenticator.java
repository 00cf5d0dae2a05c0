package io.github.natsspring.broker.auth;

import io.github.natsspring.broker.protocol.ConnectOptions;

/** Lets every client in: no authentication configured. */
final class NoAuthenticator implements Authenticator {

	static final NoAuthenticator INSTANCE = new NoAuthenticator();

	private NoAuthenticator() {
	}

	@Override
	public boolean isRequired() {
		return false;
	}

	@Override
	public boolean authenticate(ConnectOptions connect) {
		return true;
	}
}
