package io.github.natsspring.bench.server;

import java.nio.file.Path;

/**
 * How a client reaches a server under test: over TLS trusting the certificate the server serves, and as which user.
 *
 * @param trustedCertificate the PEM certificate (or CA) a TLS client trusts, {@code null} for plaintext
 * @param user the user name to authenticate as, {@code null} for none
 * @param password the user's password, {@code null} for none
 */
public record ClientAccess(Path trustedCertificate, String user, String password) {

	/** Plaintext and no authentication, as for servers started with flags alone. */
	public static final ClientAccess ANONYMOUS_PLAINTEXT = new ClientAccess(null, null, null);

	/**
	 * TLS trusting a certificate, no authentication.
	 * @param certificate the PEM certificate (or CA) to trust
	 * @return the access
	 */
	public static ClientAccess tlsTrusting(Path certificate) {
		return new ClientAccess(certificate, null, null);
	}

	/**
	 * Plaintext, authenticating as a user.
	 * @param user the user name
	 * @param password the password
	 * @return the access
	 */
	public static ClientAccess asUser(String user, String password) {
		return new ClientAccess(null, user, password);
	}

	/**
	 * Returns whether clients connect over TLS.
	 * @return {@code true} when a certificate is trusted
	 */
	public boolean tls() {
		return this.trustedCertificate != null;
	}

	/**
	 * Returns the URL scheme clients connect with.
	 * @return {@code tls} over TLS, else {@code nats}
	 */
	public String scheme() {
		return tls() ? "tls" : "nats";
	}

}
