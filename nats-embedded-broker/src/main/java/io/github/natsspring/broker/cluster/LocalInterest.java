package io.github.natsspring.broker.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsspring.broker.routing.InterestListener;
import io.github.natsspring.broker.routing.SubscriberKind;
import io.github.natsspring.broker.routing.Subscription;

/**
 * The interest of this server's own subscribers, counted per account, subject and queue group, and told to every
 * registered route as nats-server 2.9.10 tells it: {@code RS+} when a subject gets its first local subscriber and
 * {@code RS-} when it loses its last; for a queue group an {@code RS+} with the new member count on every change
 * and {@code RS-} at zero; the whole set when a route registers. One lock orders every change and every
 * registration, so a route never misses or reorders one; subscribing is not the per-message path.
 */
final class LocalInterest {

	private final Map<Key, int[]> counts = new LinkedHashMap<>();

	private final List<RouteConnection> routes = new ArrayList<>();

	/**
	 * A listener for one account's router; it counts local subscriptions only, not those of routes.
	 * @param account the account's name
	 * @return the listener that counts that account's local subscriptions
	 */
	InterestListener listenerFor(String account) {
		return new InterestListener() {
			@Override
			public void added(Subscription subscription) {
				if (subscription.subscriber().kind() != SubscriberKind.ROUTE) {
					LocalInterest.this.added(account, subscription.subject(), subscription.queue());
				}
			}

			@Override
			public void removed(Subscription subscription) {
				if (subscription.subscriber().kind() != SubscriberKind.ROUTE) {
					LocalInterest.this.removed(account, subscription.subject(), subscription.queue());
				}
			}
		};
	}

	synchronized void added(String account, String subject, String queue) {
		int[] count = this.counts.computeIfAbsent(new Key(account, subject, queue), (key) -> new int[1]);
		count[0]++;
		if (queue != null || count[0] == 1) {
			int weight = count[0];
			for (RouteConnection route : this.routes) {
				route.send((out) -> RouteFrames.writeSub(out, account, subject, queue, weight));
			}
		}
	}

	synchronized void removed(String account, String subject, String queue) {
		Key key = new Key(account, subject, queue);
		int[] count = this.counts.get(key);
		if (count == null) {
			return;
		}
		count[0]--;
		if (count[0] <= 0) {
			this.counts.remove(key);
			for (RouteConnection route : this.routes) {
				route.send((out) -> RouteFrames.writeUnsub(out, account, subject, queue));
			}
		}
		else if (queue != null) {
			int weight = count[0];
			for (RouteConnection route : this.routes) {
				route.send((out) -> RouteFrames.writeSub(out, account, subject, queue, weight));
			}
		}
	}

	/**
	 * Sends a newly registered route every local interest, and every change from now on.
	 * @param route the route
	 */
	synchronized void attach(RouteConnection route) {
		this.routes.add(route);
		if (this.counts.isEmpty()) {
			return;
		}
		route.send((out) -> this.counts.forEach(
				(key, count) -> RouteFrames.writeSub(out, key.account(), key.subject(), key.queue(), count[0])));
	}

	/**
	 * Stops telling a route about changes.
	 * @param route the route, closed
	 */
	synchronized void detach(RouteConnection route) {
		this.routes.remove(route);
	}

	/**
	 * How many local subscribers an interest has.
	 * @return the count, 0 when none
	 */
	synchronized int count(String account, String subject, String queue) {
		int[] count = this.counts.get(new Key(account, subject, queue));
		return (count != null) ? count[0] : 0;
	}

	private record Key(String account, String subject, String queue) {
	}
}
