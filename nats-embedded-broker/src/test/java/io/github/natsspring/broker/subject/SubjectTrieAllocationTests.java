package io.github.natsspring.broker.subject;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The publish path's promise: once a subject's result is cached, matching it allocates nothing.
 */
class SubjectTrieAllocationTests {

	private static final int MATCHES = 200_000;

	@Test
	void cachedMatchAllocatesNothing() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
				"this JVM cannot measure allocations per thread");
		SubjectTrie<Subscriber> trie = new SubjectTrie<>();
		trie.insert("orders.*", null, new Subscriber("plain"));
		trie.insert("orders.>", "workers", new Subscriber("worker"));
		String[] subjects = { "orders.new", "orders.paid", "orders.shipped" };
		int reached = matchAll(trie, subjects);

		long before = threads.getCurrentThreadAllocatedBytes();
		reached += matchAll(trie, subjects);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;

		assertThat(reached).isEqualTo(4 * MATCHES);
		// A few bytes of slack for the measurement itself; one allocation per match would be megabytes.
		assertThat(allocated).isLessThan(1024);
	}

	private static int matchAll(SubjectTrie<Subscriber> trie, String[] subjects) {
		int reached = 0;
		for (int i = 0; i < MATCHES; i++) {
			SubjectMatch<Subscriber> match = trie.match(subjects[i % subjects.length]);
			reached += match.subscriberCount() + match.queueGroup(0).size();
		}
		return reached;
	}

}
