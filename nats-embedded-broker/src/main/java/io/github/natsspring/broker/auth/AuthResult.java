package io.github.natsspring.broker.auth;

import java.util.Objects;

import io.github.natsspring.broker.account.Account;

/**
 * Who an authenticated client is and what it is bound to.
 *
 * @param principal the user the client authenticated as, or {@code null} when its credentials name none (no
 * authentication, or a token)
 * @param account the name of the account the client is bound to
 */
public record AuthResult(String principal, String account) {

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
		return new AuthResult(null, Account.GLOBAL);
	}

	/**
	 * A user in the global account.
	 * @param user the user name
	 * @return the result for that user
	 */
	public static AuthResult user(String user) {
		return new AuthResult(user, Account.GLOBAL);
	}
}
