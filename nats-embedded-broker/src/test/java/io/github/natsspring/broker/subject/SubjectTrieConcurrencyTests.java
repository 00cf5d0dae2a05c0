package io.github.natsspring.broker.subject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.natsspring.broker.subject.SubscriptionModel.Subscription;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several threads inserting, removing and matching at once. While they run, every match must contain the
 * subscriptions that never change and be well formed; afterwards every subject must match exactly what the
 * surviving subscriptions say.
 */
class SubjectTrieConcurrencyTests {

	private static final List<String> PATTERNS = List.of("a", "a.b", "a.*", "*.b", "a.>", ">", "a.b.c", "a.*.c",
			"*.*.*", "b.>", "c");

	private static final List<String> SUBJECTS = List.of("a", "a.b", "a.c", "b.b", "a.b.c", "a.x.c", "b.c.d", "c",
			"a.*", "x.y.z.w");

	private static final List<String> QUEUES = Arrays.asList(null, "q1", "q2");

	private static final int WRITERS = 2;

	private static final int READERS = 2;

	private static final int OPERATIONS_PER_WRITER = 10_000;

	@WithAndWithoutCache
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void concurrentInsertsRemovesAndMatchesLeaveAConsistentTrie(CacheMode mode) throws Exception {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		Subscriber everything = new Subscriber("everything");
		Subscriber worker = new Subscriber("worker");
		trie.insert(">", null, everything);
		trie.insert(">", "permanent", worker);
		ExecutorService executor = Executors.newFixedThreadPool(WRITERS + READERS);
		try {
			AtomicBoolean writing = new AtomicBoolean(true);
			List<Future<List<Subscription>>> writers = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				int writer = i;
				writers.add(executor.submit(() -> write(trie, writer)));
			}
			List<Future<Integer>> readers = new ArrayList<>();
			for (int i = 0; i < READERS; i++) {
				int reader = i;
				readers.add(executor.submit(() -> read(trie, reader, writing, everything, worker)));
			}

			SubscriptionModel model = new SubscriptionModel();
			model.insert(new Subscription(">", null, everything));
			model.insert(new Subscription(">", "permanent", worker));
			for (Future<List<Subscription>> writer : writers) {
				model.insertAll(writer.get(50, TimeUnit.SECONDS));
			}
			writing.set(false);
			for (Future<Integer> reader : readers) {
				assertThat(reader.get(50, TimeUnit.SECONDS)).isPositive();
			}

			assertThat(trie.count()).isEqualTo(model.count());
			for (String subject : SUBJECTS) {
				assertThat(MatchView.of(trie.match(subject))).as(subject).isEqualTo(model.expectedMatch(subject));
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static List<Subscription> write(SubjectTrie<Subscriber> trie, int writer) {
		Random random = new Random(writer);
		List<Subscriber> subscribers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			subscribers.add(new Subscriber("w" + writer + "s" + i));
		}
		SubscriptionModel live = new SubscriptionModel();
		for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
			if (live.count() > 0 && random.nextBoolean()) {
				Subscription subscription = live.subscriptions().get(random.nextInt(live.count()));
				live.remove(subscription);
				assertThat(trie.remove(subscription.subject(), subscription.queue(), subscription.subscriber()))
					.as("remove %s", subscription)
					.isTrue();
			}
			else {
				Subscription subscription = new Subscription(PATTERNS.get(random.nextInt(PATTERNS.size())),
						QUEUES.get(random.nextInt(QUEUES.size())), subscribers.get(random.nextInt(subscribers.size())));
				boolean added = trie.insert(subscription.subject(), subscription.queue(), subscription.subscriber());
				assertThat(added).as("insert %s", subscription).isEqualTo(live.insert(subscription));
			}
		}
		return live.subscriptions();
	}

	private static int read(SubjectTrie<Subscriber> trie, int reader, AtomicBoolean writing, Subscriber everything,
			Subscriber worker) {
		Random random = new Random(100 + reader);
		int matches = 0;
		while (writing.get() || matches == 0) {
			SubjectMatch<Subscriber> match = trie.match(SUBJECTS.get(random.nextInt(SUBJECTS.size())));
			assertThat(match.subscribers()).contains(everything);
			boolean permanentGroupFound = false;
			for (int i = 0; i < match.queueGroupCount(); i++) {
				SubjectMatch.QueueGroup<Subscriber> group = match.queueGroup(i);
				assertThat(group.size()).isPositive();
				if (group.name().equals("permanent")) {
					assertThat(group.members()).containsExactly(worker);
					permanentGroupFound = true;
				}
			}
			assertThat(permanentGroupFound).isTrue();
			matches++;
		}
		return matches;
	}

}
