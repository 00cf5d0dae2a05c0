package io.github.natsspring.bench.micro;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.natsspring.broker.subject.SubjectMatch;
import io.github.natsspring.broker.subject.SubjectTrie;

/**
 * Lookup and churn costs of {@link SubjectTrie} holding literal, {@code *} and {@code >} subscriptions of many
 * tenants: a hot subject (cache hit), subjects rotating beyond the cache capacity (mostly misses), and a
 * subscribe/unsubscribe pair that must patch the cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SubjectTrieBenchmark {

	private static final int ROTATING_SUBJECTS = 16 * SubjectTrie.DEFAULT_CACHE_CAPACITY;

	/** How many tenants have subscriptions; each has a literal, a {@code *} and a {@code >} one. */
	@Param({ "100", "10000" })
	public int tenants;

	private SubjectTrie<Object> trie;

	private String[] published;

	private int next;

	private final Object churner = new Object();

	/**
	 * Fills the trie once per trial.
	 */
	@Setup(Level.Trial)
	public void fill() {
		this.trie = new SubjectTrie<>();
		for (int tenant = 0; tenant < this.tenants; tenant++) {
			this.trie.insert("tenant." + tenant + ".orders.created", null, new Object());
			this.trie.insert("tenant." + tenant + ".*.created", null, new Object());
			this.trie.insert("tenant." + tenant + ".>", "workers", new Object());
		}
		this.published = new String[ROTATING_SUBJECTS];
		for (int i = 0; i < ROTATING_SUBJECTS; i++) {
			this.published[i] = "tenant." + (i % this.tenants) + ".orders." + ((i % 2 == 0) ? "created" : "x" + i);
		}
	}

	/**
	 * Matches one hot subject, answered from the cache.
	 * @return the match, for the black hole
	 */
	@Benchmark
	public SubjectMatch<Object> matchHotSubject() {
		return this.trie.match("tenant.1.orders.created");
	}

	/**
	 * Matches subjects rotating through many more than the cache holds.
	 * @return the match, for the black hole
	 */
	@Benchmark
	public SubjectMatch<Object> matchRotatingSubjects() {
		String subject = this.published[this.next];
		this.next = (this.next + 1) % ROTATING_SUBJECTS;
		return this.trie.match(subject);
	}

	/**
	 * Subscribes and unsubscribes on a subject whose match result is cached.
	 * @return whether the removal found the subscription
	 */
	@Benchmark
	public boolean subscribeAndUnsubscribe() {
		this.trie.match("tenant.1.orders.created");
		this.trie.insert("tenant.1.orders.*", null, this.churner);
		return this.trie.remove("tenant.1.orders.*", null, this.churner);
	}

}
