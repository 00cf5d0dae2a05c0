package io.github.natsspring.broker.auth;

import java.util.Optional;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.protocol.ConnectOptions;

/**
 * Decides whether the credentials a client sent in CONNECT let it in, and as whom. One implementation per
 * scheme, so that nkeys, JWTs and TLS client certificates can be added beside token and user/password.
 */
public interface Authenticator {

	/**
	 * Whether the client must authenticate at all (drives {@code auth_required} in INFO and the auth timer).
	 * @return {@code true} when credentials are checked
	 */
	boolean isRequired();

	/**
	 * Checks the credentials of one CONNECT.
	 * @param context the CONNECT options and what the connection knows about the client
	 * @return who the client is, or empty when it is refused
	 */
	Optional<AuthResult> authenticate(AuthContext context);

	/**
	 * Whether clients must be sent a nonce in INFO, to sign with their nkey.
	 * @return {@code true} when nkey users are configured
	 */
	default boolean requiresNonce() {
		return false;
	}

	/**
	 * Whether checking these credentials takes long enough (a bcrypt hash: milliseconds) that it must not run on
	 * an event loop, where it would hold up every other connection of that loop.
	 * @param connect the client's CONNECT options
	 * @return {@code true} to have {@link #authenticate} called on another thread
	 */
	default boolean verifiesSlowly(ConnectOptions connect) {
		return false;
	}

	/**
	 * How nats-server's log line names a refused client: {@code authentication error}, followed by
	 * {@code  - User "name"} where users are configured.
	 * @param connect the refused client's CONNECT options
	 * @return the log line
	 */
	default String refusalLogLine(ConnectOptions connect) {
		return "authentication error";
	}

	/**
	 * The authenticator for the given configuration.
	 * @param auth how clients authenticate
	 * @return the authenticator
	 */
	static Authenticator of(BrokerAuth auth) {
		if (auth.token() != null) {
			return new TokenAuthenticator(auth.token());
		}
		Authenticator passwords = auth.users().isEmpty() ? null : new UserPasswordAuthenticator(auth);
		if (!auth.nkeyUsers().isEmpty()) {
			return new NkeyAuthenticator(auth, passwords);
		}
		if (passwords != null) {
			return passwords;
		}
		return NoAuthenticator.INSTANCE;
	}

	/**
	 * The authenticator for the given configuration, users taken from their TLS client certificates
	 * ({@code verify_and_map}) rather than their passwords when asked to.
	 * @param auth how clients authenticate
	 * @param mapCertificates whether a client is the user its certificate names
	 * @return the authenticator
	 */
	static Authenticator of(BrokerAuth auth, boolean mapCertificates) {
		if (!mapCertificates || auth.users().isEmpty()) {
			return of(auth);
		}
		Authenticator certificates = new CertificateAuthenticator(auth);
		return auth.nkeyUsers().isEmpty() ? certificates : new NkeyAuthenticator(auth, certificates);
	}

	/**
	 * The authenticator that lets every client in, anonymous and in the global account.
	 * @return the authenticator for no authentication
	 */
	static Authenticator none() {
		return NoAuthenticator.INSTANCE;
	}
}
