package io.github.natsspring.broker.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.natsspring.broker.subject.SubscriptionModel.Subscription;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random inserts, removes and matches on a {@link SubjectTrie}, each answer compared with
 * {@link SubscriptionModel}. Subjects come from a small alphabet so that subscriptions overlap, caches get patched
 * and branches get pruned and regrown all the time. Seeded, so a failure repeats.
 */
class SubjectTrieModelTests {

	private static final String[] TOKENS = { "a", "b", "c", "*", ">" };

	private static final String[] QUEUES = { null, null, "q1", "q2" };

	@WithAndWithoutCache
	void randomOperationsAgreeWithTheReferenceModel(CacheMode mode) {
		Random random = new Random(20261127L + mode.ordinal());
		SubjectTrie<Subscriber> trie = mode.newTrie();
		SubscriptionModel model = new SubscriptionModel();
		List<Subscriber> subscribers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			subscribers.add(new Subscriber("s" + i));
		}
		List<String> patterns = subjects(random, 60, true);
		List<String> published = subjects(random, 60, false);
		published.addAll(List.of("a..b", ".a", "a."));

		for (int step = 0; step < 2500; step++) {
			Subscription subscription = (random.nextInt(10) < 4 && model.count() > 0)
					? model.subscriptions().get(random.nextInt(model.count()))
					: new Subscription(pick(random, patterns), QUEUES[random.nextInt(QUEUES.length)],
							subscribers.get(random.nextInt(subscribers.size())));
			if (random.nextInt(10) < 5) {
				assertThat(trie.insert(subscription.subject(), subscription.queue(), subscription.subscriber()))
					.as("insert %s at step %d", subscription, step)
					.isEqualTo(model.insert(subscription));
			}
			else {
				assertThat(trie.remove(subscription.subject(), subscription.queue(), subscription.subscriber()))
					.as("remove %s at step %d", subscription, step)
					.isEqualTo(model.remove(subscription));
			}
			assertThat(trie.count()).isEqualTo(model.count());
			for (int probe = 0; probe < 5; probe++) {
				String subject = pick(random, published);
				assertThat(MatchView.of(trie.match(subject))).as("match %s at step %d", subject, step)
					.isEqualTo(model.expectedMatch(subject));
			}
		}
	}

	private static List<String> subjects(Random random, int count, boolean subscribable) {
		List<String> subjects = new ArrayList<>();
		while (subjects.size() < count) {
			StringBuilder subject = new StringBuilder(TOKENS[random.nextInt(TOKENS.length)]);
			int extraTokens = random.nextInt(3);
			for (int i = 0; i < extraTokens; i++) {
				subject.append('.').append(TOKENS[random.nextInt(TOKENS.length)]);
			}
			if (!subscribable || Subjects.isValidSubscribeSubject(subject.toString())) {
				subjects.add(subject.toString());
			}
		}
		return subjects;
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

}
