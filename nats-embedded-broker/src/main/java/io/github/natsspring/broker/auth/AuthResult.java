package io.github.natsspring.broker.auth;

import java.util.Objects;

import io.github.natsspring.broker.account.Account;

/**
 * Who an authenticated client is and what it is bound to.
 *
 * @param principal the user the client authenticated as, or {@code null} when its credentials name none (no
 * authentication, or a token)
 * @param account the name of the account the client is bound to
 * @param permissions what the client may publish and subscribe to, or {@code null} for everything
 */
public record AuthResult(String principal, String account, Permissions permissions) {

	/**
	 * Checks the account is given.
	 */
	public AuthResult {
		Objects.requireNonNull(account, "account");
	}

	/**
	 * A client without a user, in the global account.
	 * @return the result for an anonymous client
	 */
	public static AuthResult anonymous() {
		return new AuthResult(null, Account.GLOBAL, null);
	}

	/**
	 * A user in the global account.
	 * @param user the user name
	 * @param permissions the user's permissions, or {@code null} for everything
	 * @return the result for that user
	 */
	public static AuthResult user(String user, Permissions permissions) {
		return new AuthResult(user, Account.GLOBAL, permissions);
	}
}
