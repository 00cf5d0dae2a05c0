package io.github.natsspring.broker.auth;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.protocol.ConnectOptions;

/**
 * Decides whether the credentials a client sent in CONNECT let it in. One implementation per scheme, so
 * nkeys, JWTs and TLS client certificates can be added beside token and user/password.
 */
public interface Authenticator {

	/** Whether the client must authenticate at all (drives {@code auth_required} in INFO and the auth timer). */
	boolean isRequired();

	/**
	 * Checks the credentials of one CONNECT.
	 * @param connect the client's CONNECT options
	 * @return whether the client is authenticated
	 */
	boolean authenticate(ConnectOptions connect);

	/** The authenticator for the given configuration. */
	static Authenticator of(BrokerAuth auth) {
		if (auth.token() != null) {
			return new TokenAuthenticator(auth.token());
		}
		if (!auth.users().isEmpty()) {
			return new UserPasswordAuthenticator(auth.users());
		}
		return NoAuthenticator.INSTANCE;
	}
}
