package io.github.natsspring.broker.routing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import io.github.natsspring.broker.subject.SubjectMatch;
import io.github.natsspring.broker.subject.SubjectTrie;
import io.github.natsspring.broker.subject.TrieStatistics;

/**
 * The subscriptions of one subject space and the delivery of each message to them: every plain subscriber,
 * and one random member of each queue group. Thread-safe: publishers route from their own threads.
 */
public final class MessageRouter {

	private final SubjectTrie<Subscription> subscriptions = new SubjectTrie<>();

	/** Told of interest changes: a cluster node's routes, JetStream's push consumers. */
	private final List<InterestListener> interestListeners = new CopyOnWriteArrayList<>();

	/**
	 * Has every later change of interest reported.
	 * @param listener the listener
	 */
	public void addInterestListener(InterestListener listener) {
		this.interestListeners.add(listener);
	}

	/**
	 * Stops reporting to a listener added before.
	 * @param listener the listener
	 */
	public void removeInterestListener(InterestListener listener) {
		this.interestListeners.remove(listener);
	}

	/**
	 * Adds a subscription.
	 * @param subscription the subscription, its subject valid for subscribing
	 */
	public void subscribe(Subscription subscription) {
		if (this.subscriptions.insert(subscription.subject(), subscription.queue(), subscription)) {
			for (InterestListener listener : this.interestListeners) {
				listener.added(subscription);
			}
		}
	}

	/**
	 * Removes a subscription.
	 * @param subscription a subscription added before
	 */
	public void unsubscribe(Subscription subscription) {
		if (this.subscriptions.remove(subscription.subject(), subscription.queue(), subscription)) {
			for (InterestListener listener : this.interestListeners) {
				listener.removed(subscription);
			}
		}
	}

	/**
	 * Removes the subscriptions of a closing subscriber in one step.
	 * @param removed subscriptions added before
	 */
	public void unsubscribeAll(Collection<Subscription> removed) {
		this.subscriptions.removeAll(removed, Subscription::subject, Subscription::queue);
		for (InterestListener listener : this.interestListeners) {
			for (Subscription subscription : removed) {
				listener.removed(subscription);
			}
		}
	}

	/**
	 * Whether a message published on a subject would reach any subscription, as nats-server checks a push
	 * consumer's deliver subject and a pull request's reply subject before delivering to them.
	 * @param subject a subject to publish on
	 * @return whether some subscription matches it
	 */
	public boolean hasInterest(String subject) {
		return !this.subscriptions.match(subject).isEmpty();
	}

	/**
	 * The number of subscriptions.
	 * @return how many subscriptions are present
	 */
	public int subscriptionCount() {
		return this.subscriptions.count();
	}

	/**
	 * The figures of the subscription trie, for {@code /subsz}.
	 * @return a snapshot
	 */
	public TrieStatistics statistics() {
		return this.subscriptions.statistics();
	}

	/**
	 * Delivers one message to every plain subscriber and one member of each queue group that may receive it;
	 * answers a request that reaches nobody with the no-responders status when its origin asked for it. A
	 * route stands for another server: it gets the message once, whatever number of its subscriptions match,
	 * with the queue groups whose member was picked on its server, and a message from a route goes to no route
	 * (one hop). A queue group picks its member at random, a route's queue interest counting as many members as
	 * its weight.
	 * @param origin who published the message
	 * @param message the message, valid during this call
	 * @return how many subscribers (a route counting once) took the message
	 */
	public int route(MessageOrigin origin, PublishedMessage message) {
		SubjectMatch<Subscription> match = message.matchIn(this.subscriptions);
		boolean fromRoute = origin.kind() == SubscriberKind.ROUTE;
		RemoteFanout fanout = null;
		int delivered = 0;
		try {
			for (int i = 0, n = match.subscriberCount(); i < n; i++) {
				Subscription subscription = match.subscriber(i);
				Subscriber subscriber = subscription.subscriber();
				if (subscriber.kind() == SubscriberKind.ROUTE) {
					if (!fromRoute) {
						fanout = (fanout != null) ? fanout : RemoteFanout.acquire();
						fanout.add((RemoteTarget) subscriber);
					}
				}
				else if (mayReceive(origin, subscriber) && subscriber.deliver(subscription, message)) {
					delivered++;
				}
			}
			for (int g = 0, groups = match.queueGroupCount(); g < groups; g++) {
				SubjectMatch.QueueGroup<Subscription> group = match.queueGroup(g);
				if (fromRoute && !origin.admitsQueueGroup(group.name())) {
					continue;
				}
				Subscription picked = pickMember(group, origin, message, fromRoute);
				if (picked == null) {
					continue;
				}
				if (picked.subscriber().kind() == SubscriberKind.ROUTE) {
					fanout = (fanout != null) ? fanout : RemoteFanout.acquire();
					fanout.addQueue((RemoteTarget) picked.subscriber(), picked.queueBytes());
				}
				else {
					delivered++;
				}
			}
			if (fanout != null) {
				delivered += fanout.forward(message);
			}
		}
		finally {
			if (fanout != null) {
				fanout.release();
			}
		}
		if (delivered == 0 && message.replyTo() != null && origin.wantsNoResponders()) {
			answerNoResponders(origin, message);
		}
		return delivered;
	}

	/**
	 * Picks the member of a queue group that gets the message and delivers to it when local; tries the others in
	 * turn when a local one refuses. Returns the member picked, or {@code null} when none took it.
	 */
	private Subscription pickMember(SubjectMatch.QueueGroup<Subscription> group, MessageOrigin origin,
			PublishedMessage message, boolean fromRoute) {
		int members = group.size();
		int start = (members == 1) ? 0 : fromRoute ? localStart(group, members) : weightedStart(group, members);
		for (int k = 0; k < members; k++) {
			Subscription member = group.member((start + k) % members);
			Subscriber subscriber = member.subscriber();
			if (subscriber.kind() == SubscriberKind.ROUTE) {
				if (!fromRoute) {
					return member;
				}
			}
			else if (mayReceive(origin, subscriber) && subscriber.deliver(member, message)) {
				return member;
			}
		}
		return null;
	}

	/** A member picked uniformly among the local ones, for a message a route brought: the route members are skipped. */
	private static int localStart(SubjectMatch.QueueGroup<Subscription> group, int members) {
		int local = 0;
		for (int k = 0; k < members; k++) {
			if (group.member(k).subscriber().kind() != SubscriberKind.ROUTE) {
				local++;
			}
		}
		if (local == 0) {
			return 0;
		}
		int ticket = ThreadLocalRandom.current().nextInt(local);
		for (int k = 0; k < members; k++) {
			if (group.member(k).subscriber().kind() != SubscriberKind.ROUTE && ticket-- == 0) {
				return k;
			}
		}
		return 0;
	}

	private static int weightedStart(SubjectMatch.QueueGroup<Subscription> group, int members) {
		int total = 0;
		for (int k = 0; k < members; k++) {
			total += group.member(k).weight();
		}
		int ticket = ThreadLocalRandom.current().nextInt(total);
		for (int k = 0; k < members; k++) {
			ticket -= group.member(k).weight();
			if (ticket < 0) {
				return k;
			}
		}
		return members - 1;
	}

	private static boolean mayReceive(MessageOrigin origin, Subscriber subscriber) {
		return subscriber != origin.self() || origin.echo();
	}

	private void answerNoResponders(MessageOrigin origin, PublishedMessage message) {
		Subscriber self = origin.self();
		if (self == null) {
			return;
		}
		SubjectMatch<Subscription> replyMatch = this.subscriptions.match(message.replyTo());
		for (int i = 0, n = replyMatch.subscriberCount(); i < n; i++) {
			Subscription subscription = replyMatch.subscriber(i);
			if (subscription.subscriber() == self) {
				origin.answerNoResponders(subscription, message);
				return;
			}
		}
	}
}
