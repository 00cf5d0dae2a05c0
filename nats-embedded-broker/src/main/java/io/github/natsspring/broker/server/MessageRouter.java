package io.github.natsspring.broker.server;

import java.util.concurrent.ThreadLocalRandom;

import io.github.natsspring.broker.subject.SubjectMatch;
import io.github.natsspring.broker.subject.SubjectTrie;

/**
 * Routes each publish to the matching subscriptions: every plain subscriber, and one random member of each
 * queue group. Thread-safe: publishers route from their own event loops.
 */
final class MessageRouter {

	private final SubjectTrie<Subscription> subscriptions = new SubjectTrie<>();

	void subscribe(Subscription subscription) {
		this.subscriptions.insert(subscription.subject, subscription.queue, subscription);
	}

	void unsubscribe(Subscription subscription) {
		this.subscriptions.remove(subscription.subject, subscription.queue, subscription);
	}

	int subscriptionCount() {
		return this.subscriptions.count();
	}

	/**
	 * Delivers one message to every plain subscriber and one member of each queue group; answers a request
	 * nobody receives with the no-responders status when the publisher asked for it.
	 * @param publisher the client that published it
	 * @param message the message, valid during this call
	 */
	void route(ClientConnection publisher, PublishedMessage message) {
		SubjectMatch<Subscription> match = this.subscriptions.match(message.subject);
		boolean echo = publisher.echo();
		int delivered = 0;
		for (int i = 0, n = match.subscriberCount(); i < n; i++) {
			Subscription subscription = match.subscriber(i);
			if ((echo || subscription.client != publisher)
					&& subscription.client.deliver(subscription, message, publisher)) {
				delivered++;
			}
		}
		for (int g = 0, groups = match.queueGroupCount(); g < groups; g++) {
			if (deliverToOneMember(match.queueGroup(g), publisher, echo, message)) {
				delivered++;
			}
		}
		if (delivered == 0 && message.replyTo != null && publisher.wantsNoResponders()) {
			sendNoResponders(publisher, message);
		}
	}

	private boolean deliverToOneMember(SubjectMatch.QueueGroup<Subscription> group, ClientConnection publisher,
			boolean echo, PublishedMessage message) {
		int members = group.size();
		int start = members == 1 ? 0 : ThreadLocalRandom.current().nextInt(members);
		for (int k = 0; k < members; k++) {
			Subscription member = group.member((start + k) % members);
			if ((echo || member.client != publisher) && member.client.deliver(member, message, publisher)) {
				return true;
			}
		}
		return false;
	}

	private void sendNoResponders(ClientConnection publisher, PublishedMessage message) {
		SubjectMatch<Subscription> replyMatch = this.subscriptions.match(message.replyTo);
		for (int i = 0, n = replyMatch.subscriberCount(); i < n; i++) {
			Subscription subscription = replyMatch.subscriber(i);
			if (subscription.client == publisher) {
				publisher.deliverNoResponders(subscription, message.replyToBytes);
				return;
			}
		}
	}
}
