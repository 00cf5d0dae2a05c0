package io.github.natsspring.broker.subject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obvious, slow reference for a {@link SubjectTrie}: a list of subscriptions, each tested against the subject
 * with {@link Subjects#matches}.
 */
final class SubscriptionModel {

	private final List<Subscription> subscriptions = new ArrayList<>();

	boolean insert(Subscription subscription) {
		if (this.subscriptions.contains(subscription)) {
			return false;
		}
		return this.subscriptions.add(subscription);
	}

	boolean remove(Subscription subscription) {
		return this.subscriptions.remove(subscription);
	}

	void insertAll(Collection<Subscription> subscriptions) {
		subscriptions.forEach(this::insert);
	}

	List<Subscription> subscriptions() {
		return this.subscriptions;
	}

	int count() {
		return this.subscriptions.size();
	}

	MatchView expectedMatch(String subject) {
		List<Subscriber> plain = new ArrayList<>();
		Map<String, List<Subscriber>> groups = new TreeMap<>();
		for (Subscription subscription : this.subscriptions) {
			if (Subjects.matches(subscription.subject(), subject)) {
				if (subscription.queue() == null) {
					plain.add(subscription.subscriber());
				}
				else {
					groups.computeIfAbsent(subscription.queue(), (name) -> new ArrayList<>())
						.add(subscription.subscriber());
				}
			}
		}
		Map<String, List<String>> groupNames = new TreeMap<>();
		groups.forEach((name, members) -> groupNames.put(name, MatchView.names(members)));
		return new MatchView(MatchView.names(plain), groupNames);
	}

	/**
	 * One (subject, queue, subscriber) triple; equal when all three are, the subscriber by identity.
	 *
	 * @param subject the subscription subject
	 * @param queue the queue group, or {@code null}
	 * @param subscriber the subscriber
	 */
	record Subscription(String subject, String queue, Subscriber subscriber) {
	}

}
