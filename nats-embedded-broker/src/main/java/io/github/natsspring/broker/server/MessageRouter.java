package io.github.natsspring.broker.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import io.github.natsspring.broker.subject.SubjectMatch;
import io.github.natsspring.broker.subject.SubjectTrie;
import io.netty.buffer.ByteBuf;

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
	 * Delivers one message.
	 * @param publisher the client that published it
	 * @param headerSize the size of the header block at the start of {@code message}, or -1 for PUB
	 */
	void route(ClientConnection publisher, String subject, String replyTo, int headerSize, ByteBuf message) {
		SubjectMatch<Subscription> match = this.subscriptions.match(subject);
		byte[] subjectBytes = subject.getBytes(StandardCharsets.UTF_8);
		byte[] replyBytes = replyTo != null ? replyTo.getBytes(StandardCharsets.UTF_8) : null;
		boolean echo = publisher.connectOptions() == null || publisher.connectOptions().echo();
		int delivered = 0;
		for (int i = 0, n = match.subscriberCount(); i < n; i++) {
			Subscription subscription = match.subscriber(i);
			if ((echo || subscription.client != publisher)
					&& subscription.client.deliver(subscription, subjectBytes, replyBytes, headerSize, message, publisher)) {
				delivered++;
			}
		}
		for (int g = 0, groups = match.queueGroupCount(); g < groups; g++) {
			if (deliverToOneMember(match.queueGroup(g), publisher, echo, subjectBytes, replyBytes, headerSize, message)) {
				delivered++;
			}
		}
		if (delivered == 0 && replyTo != null) {
			sendNoRespondersIfAsked(publisher, replyTo, replyBytes);
		}
	}

	private boolean deliverToOneMember(SubjectMatch.QueueGroup<Subscription> group, ClientConnection publisher,
			boolean echo, byte[] subject, byte[] replyTo, int headerSize, ByteBuf message) {
		int members = group.size();
		int start = members == 1 ? 0 : ThreadLocalRandom.current().nextInt(members);
		for (int k = 0; k < members; k++) {
			Subscription member = group.member((start + k) % members);
			if ((echo || member.client != publisher)
					&& member.client.deliver(member, subject, replyTo, headerSize, message, publisher)) {
				return true;
			}
		}
		return false;
	}

	private void sendNoRespondersIfAsked(ClientConnection publisher, String replyTo, byte[] replyBytes) {
		if (publisher.connectOptions() == null || !publisher.connectOptions().noResponders()) {
			return;
		}
		SubjectMatch<Subscription> replyMatch = this.subscriptions.match(replyTo);
		for (int i = 0, n = replyMatch.subscriberCount(); i < n; i++) {
			Subscription subscription = replyMatch.subscriber(i);
			if (subscription.client == publisher) {
				publisher.deliverNoResponders(subscription, replyBytes);
				return;
			}
		}
	}
}
