package io.github.natsspring.broker.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsspring.broker.routing.MessageRouter;
import io.github.natsspring.broker.routing.Subscription;

/**
 * The subscriptions of one client by sid, kept in step with its account's router. Added and removed on the
 * client's event loop, except that a subscription reaching its delivery limit is removed by the delivering
 * thread.
 */
final class ClientSubscriptions {

	private final Map<String, Subscription> bySid = new ConcurrentHashMap<>();

	int size() {
		return this.bySid.size();
	}

	Subscription get(String sid) {
		return this.bySid.get(sid);
	}

	/** The subscriptions as they are now. */
	List<Subscription> snapshot() {
		return new ArrayList<>(this.bySid.values());
	}

	/** Adds a subscription unless its sid is taken; a repeated SUB with a known sid changes nothing. */
	void add(Subscription subscription, MessageRouter router) {
		if (this.bySid.putIfAbsent(subscription.sid(), subscription) == null) {
			router.subscribe(subscription);
		}
	}

	void remove(Subscription subscription, MessageRouter router) {
		if (this.bySid.remove(subscription.sid(), subscription)) {
			router.unsubscribe(subscription);
		}
	}

	/** Removes every subscription from the router in one batch, as the client closes; returns them. */
	List<Subscription> removeAll(MessageRouter router) {
		if (this.bySid.isEmpty()) {
			return List.of();
		}
		ArrayList<Subscription> all = new ArrayList<>(this.bySid.values());
		this.bySid.clear();
		router.unsubscribeAll(all);
		return all;
	}
}
