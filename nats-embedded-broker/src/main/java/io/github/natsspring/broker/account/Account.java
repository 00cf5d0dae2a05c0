package io.github.natsspring.broker.account;

import java.util.Objects;

import io.github.natsspring.broker.routing.MessageRouter;

/**
 * A subject space of its own: messages published in one account reach only subscriptions of the same
 * account. Every client is bound to one by authentication; without accounts configured that is the global
 * account {@value #GLOBAL}, as in nats-server. Route protocol lines and JetStream's API name accounts.
 */
public final class Account {

	/** The name of the account clients are bound to when no accounts are configured. */
	public static final String GLOBAL = "$G";

	private final String name;

	private final MessageRouter router = new MessageRouter();

	/**
	 * Creates an empty account.
	 * @param name the account's name
	 */
	public Account(String name) {
		this.name = Objects.requireNonNull(name, "name");
	}

	/**
	 * The account's name.
	 * @return the name, {@value #GLOBAL} for the global account
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The subscriptions of this account and the routing of its messages.
	 * @return the account's router
	 */
	public MessageRouter router() {
		return this.router;
	}

	/**
	 * The number of subscriptions in this account.
	 * @return how many subscriptions are present
	 */
	public int subscriptionCount() {
		return this.router.subscriptionCount();
	}

	@Override
	public String toString() {
		return "Account[" + this.name + "]";
	}
}
