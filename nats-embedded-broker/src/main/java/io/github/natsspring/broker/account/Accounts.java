package io.github.natsspring.broker.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The accounts of one broker, looked up by name when a client is bound to one. Today only the global
 * account {@value Account#GLOBAL} exists; a client asking for any other is refused, as nats-server refuses an
 * unknown account.
 */
public final class Accounts {

	private final Account global = new Account(Account.GLOBAL);

	private final Map<String, Account> byName = Map.of(Account.GLOBAL, this.global);

	/**
	 * The global account.
	 * @return the account clients are bound to without accounts configured
	 */
	public Account global() {
		return this.global;
	}

	/**
	 * Finds an account.
	 * @param name the account's name
	 * @return the account, or {@code null} when there is none of that name
	 */
	public Account find(String name) {
		return this.byName.get(name);
	}

	/**
	 * Every account.
	 * @return the accounts, the global one first
	 */
	public Collection<Account> all() {
		return List.of(this.global);
	}

	/**
	 * The number of subscriptions across all accounts.
	 * @return how many subscriptions are present
	 */
	public int subscriptionCount() {
		int count = 0;
		for (Account account : all()) {
			count += account.subscriptionCount();
		}
		return count;
	}
}
