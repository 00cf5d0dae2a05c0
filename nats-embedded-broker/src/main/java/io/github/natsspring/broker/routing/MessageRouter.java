package io.github.natsspring.broker.routing;

import java.util.Collection;
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

	/**
	 * Adds a subscription.
	 * @param subscription the subscription, its subject valid for subscribing
	 */
	public void subscribe(Subscription subscription) {
		this.subscriptions.insert(subscription.subject(), subscription.queue(), subscription);
	}

	/**
	 * Removes a subscription.
	 * @param subscription a subscription added before
	 */
	public void unsubscribe(Subscription subscription) {
		this.subscriptions.remove(subscription.subject(), subscription.queue(), subscription);
	}

	/**
	 * Removes the subscriptions of a closing subscriber in one step.
	 * @param removed subscriptions added before
	 */
	public void unsubscribeAll(Collection<Subscription> removed) {
		this.subscriptions.removeAll(removed, Subscription::subject, Subscription::queue);
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
	 * answers a request that reaches nobody with the no-responders status when its origin asked for it.
	 * @param origin who published the message
	 * @param message the message, valid during this call
	 * @return how many subscribers took the message
	 */
	public int route(MessageOrigin origin, PublishedMessage message) {
		SubjectMatch<Subscription> match = message.matchIn(this.subscriptions);
		int delivered = 0;
		for (int i = 0, n = match.subscriberCount(); i < n; i++) {
			Subscription subscription = match.subscriber(i);
			if (mayReceive(origin, subscription.subscriber()) && subscription.subscriber().deliver(subscription, message)) {
				delivered++;
			}
		}
		for (int g = 0, groups = match.queueGroupCount(); g < groups; g++) {
			if (deliverToOneMember(match.queueGroup(g), origin, message)) {
				delivered++;
			}
		}
		if (delivered == 0 && message.replyTo() != null && origin.wantsNoResponders()) {
			answerNoResponders(origin, message);
		}
		return delivered;
	}

	private boolean deliverToOneMember(SubjectMatch.QueueGroup<Subscription> group, MessageOrigin origin,
			PublishedMessage message) {
		int members = group.size();
		int start = (members == 1) ? 0 : ThreadLocalRandom.current().nextInt(members);
		for (int k = 0; k < members; k++) {
			Subscription member = group.member((start + k) % members);
			if (mayReceive(origin, member.subscriber()) && member.subscriber().deliver(member, message)) {
				return true;
			}
		}
		return false;
	}

	private static boolean mayReceive(MessageOrigin origin, Subscriber subscriber) {
		if (subscriber == origin.self()) {
			return origin.echo();
		}
		// one hop: the server a message was published on sends it to every route that has interest
		return origin.kind() != SubscriberKind.ROUTE || subscriber.kind() != SubscriberKind.ROUTE;
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
