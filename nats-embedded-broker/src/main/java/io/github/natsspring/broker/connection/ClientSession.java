package io.github.natsspring.broker.connection;

import java.util.Optional;

import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.account.Accounts;
import io.github.natsspring.broker.auth.AuthResult;
import io.github.natsspring.broker.protocol.ConnectOptions;

/**
 * Who a client is and what it declared: its CONNECT options, whether it authenticated, as whom, and the
 * account it is bound to.
 */
final class ClientSession {

	/**
	 * The CONNECT options in force; before CONNECT nats-server's defaults (verbose, pedantic and echo on, no
	 * headers). Volatile: publishers on other event loops read {@code headers} when delivering.
	 */
	private volatile ConnectOptions options = ConnectOptions.DEFAULTS;

	private boolean authenticated;

	private Account account;

	private String principal;

	/** Volatile: publishers on other event loops ask it when delivering. */
	private volatile ClientPermissions permissions;

	/**
	 * Creates the session of a new connection: without authentication required it is authenticated at once,
	 * anonymous, in the global account.
	 */
	ClientSession(boolean authenticationRequired, Accounts accounts) {
		if (!authenticationRequired) {
			this.authenticated = true;
			this.account = accounts.global();
		}
	}

	ConnectOptions options() {
		return this.options;
	}

	boolean isAuthenticated() {
		return this.authenticated;
	}

	/** The account the client is bound to; {@code null} before it authenticated. */
	Account account() {
		return this.account;
	}

	/** The user the client authenticated as, or {@code null}. */
	String principal() {
		return this.principal;
	}

	/**
	 * Binds the client to what authenticating its CONNECT found. Asking for an account in CONNECT is refused, as
	 * nats-server refuses it without accounts configured.
	 * @param connect the CONNECT options
	 * @param result who the authenticator found the client to be, or empty when it refused it
	 * @param accounts the accounts to bind to
	 * @return whether the client is let in
	 */
	boolean bind(ConnectOptions connect, Optional<AuthResult> result, Accounts accounts) {
		if (connect.account() != null || connect.newAccount() || result.isEmpty()) {
			return false;
		}
		Account bound = accounts.find(result.get().account());
		if (bound == null) {
			return false;
		}
		this.account = bound;
		this.principal = result.get().principal();
		this.permissions = (result.get().permissions() != null) ? new ClientPermissions(result.get().permissions())
				: null;
		this.authenticated = true;
		return true;
	}

	/** The client's permissions; {@code null} when it may do everything. Any thread. */
	ClientPermissions permissions() {
		return this.permissions;
	}

	/** Puts validated CONNECT options in force. */
	void apply(ConnectOptions options) {
		this.options = options;
	}
}
