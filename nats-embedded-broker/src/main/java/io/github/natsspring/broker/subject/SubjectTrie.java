package io.github.natsspring.broker.subject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The subscriptions of a broker, keyed by subject, answering "who gets a message published on this subject".
 * <p>
 * Each level of the trie maps literal tokens to nodes and keeps dedicated {@code *} and {@code >} children, so a
 * match walks at most three branches per token. Results for literal subjects are cached up to a bounded number
 * of subjects; an insert or remove patches the cached results it affects instead of dropping them, so a hit
 * stays valid and returns the same immutable {@link SubjectMatch} without locking or allocating.
 * <p>
 * Thread-safe: {@link #match} may run on many threads at once; {@link #insert} and {@link #remove} take an
 * exclusive lock. Subscribers are compared by identity. Inserting a (subject, queue, subscriber) triple that is
 * already present changes nothing and returns {@code false}; the same subscriber under two different subjects
 * or queues counts as two subscriptions and is returned once for each that matches.
 *
 * @param <T> the subscriber type
 */
public final class SubjectTrie<T> {

	/** The number of subjects whose match results are cached unless told otherwise. */
	public static final int DEFAULT_CACHE_CAPACITY = 1024;

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final Level<T> root = new Level<>();

	private final int cacheCapacity;

	private final ConcurrentHashMap<String, SubjectMatch<T>> cache;

	private final AtomicBoolean evicting = new AtomicBoolean();

	private volatile long generation;

	private volatile int count;

	private volatile long inserts;

	private volatile long removes;

	/** Creates an empty trie caching the results of up to {@value #DEFAULT_CACHE_CAPACITY} subjects. */
	public SubjectTrie() {
		this(DEFAULT_CACHE_CAPACITY);
	}

	/**
	 * Creates an empty trie.
	 * @param cacheCapacity how many subjects' match results to cache; 0 disables the cache
	 */
	public SubjectTrie(int cacheCapacity) {
		if (cacheCapacity < 0) {
			throw new IllegalArgumentException("cacheCapacity must not be negative, was " + cacheCapacity);
		}
		this.cacheCapacity = cacheCapacity;
		this.cache = (cacheCapacity > 0) ? new ConcurrentHashMap<>() : null;
	}

	/**
	 * Adds a subscription.
	 * @param subject a subject that {@link Subjects#isValidSubscribeSubject} accepts
	 * @param queue the queue group name, or {@code null} for a plain subscription
	 * @param subscriber the subscriber, compared by identity
	 * @return {@code true} if added, {@code false} if exactly this subscription was already present
	 * @throws IllegalArgumentException if the subject is not a valid subscription subject
	 */
	public boolean insert(String subject, String queue, T subscriber) {
		if (!Subjects.isValidSubscribeSubject(subject)) {
			throw new IllegalArgumentException("Invalid subject: '" + subject + "'");
		}
		Objects.requireNonNull(subscriber, "subscriber");
		this.lock.writeLock().lock();
		try {
			Level<T> level = this.root;
			Node<T> node = null;
			int start = 0;
			while (true) {
				int end = tokenEnd(subject, start);
				node = level.childFor(subject.substring(start, end));
				if (end == subject.length()) {
					break;
				}
				if (node.next == null) {
					node.next = new Level<>();
				}
				level = node.next;
				start = end + 1;
			}
			if (!node.add(queue, subscriber)) {
				return false;
			}
			this.count++;
			this.inserts++;
			patchCache(subject, (match) -> match.withSubscriber(queue, subscriber));
			this.generation++;
			return true;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Removes a subscription.
	 * @param subject the subject it was inserted with
	 * @param queue the queue group it was inserted with, or {@code null}
	 * @param subscriber the subscriber it was inserted with
	 * @return {@code true} if it was present and is now removed
	 */
	public boolean remove(String subject, String queue, T subscriber) {
		if (!Subjects.isValidSubscribeSubject(subject)) {
			return false;
		}
		this.lock.writeLock().lock();
		try {
			if (!removeLocked(subject, queue, subscriber)) {
				return false;
			}
			patchCache(subject, (match) -> match.withoutSubscriber(queue, subscriber));
			this.generation++;
			return true;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Removes many subscriptions at once, as when a connection closes: one exclusive lock for all of them, and
	 * the cache emptied once instead of patched per subscription.
	 * @param subscribers the subscribers to remove
	 * @param subjectOf the subject each was inserted with
	 * @param queueOf the queue group each was inserted with, or {@code null}
	 * @return how many were present and are now removed
	 */
	public int removeAll(Collection<? extends T> subscribers, Function<? super T, String> subjectOf,
			Function<? super T, String> queueOf) {
		if (subscribers.isEmpty()) {
			return 0;
		}
		this.lock.writeLock().lock();
		try {
			int removed = 0;
			for (T subscriber : subscribers) {
				String subject = subjectOf.apply(subscriber);
				if (Subjects.isValidSubscribeSubject(subject)
						&& removeLocked(subject, queueOf.apply(subscriber), subscriber)) {
					removed++;
				}
			}
			if (removed > 0) {
				if (this.cache != null) {
					this.cache.clear();
				}
				this.generation++;
			}
			return removed;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private boolean removeLocked(String subject, String queue, T subscriber) {
		List<Level<T>> levels = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		Level<T> level = this.root;
		Node<T> node;
		int start = 0;
		while (true) {
			int end = tokenEnd(subject, start);
			String token = subject.substring(start, end);
			node = level.child(token);
			if (node == null) {
				return false;
			}
			levels.add(level);
			tokens.add(token);
			if (end == subject.length()) {
				break;
			}
			level = node.next;
			if (level == null) {
				return false;
			}
			start = end + 1;
		}
		if (!node.remove(queue, subscriber)) {
			return false;
		}
		prune(levels, tokens);
		this.count--;
		this.removes++;
		return true;
	}

	/**
	 * Finds every subscription a message published on the subject reaches. Tokens of the published subject are
	 * taken literally, so a (non-pedantic) publish to {@code a.*} reaches {@code a.*} and {@code >} but not
	 * {@code a.b}; a subject with an empty token reaches nothing.
	 * @param subject the subject a message is published on
	 * @return the matching subscriptions, {@link SubjectMatch#empty()} when there are none
	 */
	public SubjectMatch<T> match(String subject) {
		if (this.cache != null) {
			SubjectMatch<T> cached = this.cache.get(subject);
			if (cached != null) {
				return cached;
			}
		}
		String[] tokens = tokenize(subject);
		if (tokens == null) {
			return SubjectMatch.empty();
		}
		this.lock.readLock().lock();
		try {
			MatchCollector<T> collector = new MatchCollector<>();
			collect(this.root, tokens, 0, collector);
			SubjectMatch<T> result = collector.toMatch();
			if (this.cache != null) {
				// Stored under the read lock so that no insert or remove can slip in between the walk and the
				// store and leave a result in the cache that misses its patch.
				this.cache.put(subject, result);
				if (this.cache.size() > this.cacheCapacity) {
					evict();
				}
			}
			return result;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * The number of subscriptions.
	 * @return how many (subject, queue, subscriber) triples are present
	 */
	public int count() {
		return this.count;
	}

	/**
	 * The trie's figures as {@code /subsz} shows them, the fanouts taken from the cached results.
	 * @return a snapshot
	 */
	public TrieStatistics statistics() {
		int cached = 0;
		int maxFanout = 0;
		long totalFanout = 0;
		if (this.cache != null) {
			for (SubjectMatch<T> match : this.cache.values()) {
				int fanout = match.subscriberCount() + match.queueGroupCount();
				cached++;
				totalFanout += fanout;
				maxFanout = Math.max(maxFanout, fanout);
			}
		}
		return new TrieStatistics(this.count, cached, this.inserts, this.removes, maxFanout, totalFanout);
	}

	/**
	 * A counter that grows with every insert or remove that changes the trie. A caller caching match results
	 * itself reads the generation before matching and discards its entry once the generation has moved on.
	 * @return the current generation
	 */
	public long generation() {
		return this.generation;
	}

	/**
	 * The number of subjects whose results are cached right now; at most the cache capacity, give or take the
	 * results being stored concurrently.
	 * @return the number of cached subjects, 0 when the cache is disabled
	 */
	public int cachedSubjectCount() {
		return (this.cache != null) ? this.cache.size() : 0;
	}

	private void patchCache(String pattern, UnaryOperator<SubjectMatch<T>> patch) {
		if (this.cache == null) {
			return;
		}
		if (Subjects.isLiteral(pattern)) {
			this.cache.computeIfPresent(pattern, (subject, match) -> patch.apply(match));
		}
		else {
			this.cache.replaceAll((subject, match) -> Subjects.matches(pattern, subject) ? patch.apply(match) : match);
		}
	}

	private void evict() {
		if (!this.evicting.compareAndSet(false, true)) {
			return;
		}
		try {
			// Drop a quarter at once so that the sweep is not repeated on every following miss; hash order makes
			// the choice of victims effectively random.
			int target = this.cacheCapacity - Math.max(1, this.cacheCapacity / 4);
			Iterator<String> subjects = this.cache.keySet().iterator();
			while (this.cache.size() > target && subjects.hasNext()) {
				subjects.next();
				subjects.remove();
			}
		}
		finally {
			this.evicting.set(false);
		}
	}

	private void prune(List<Level<T>> levels, List<String> tokens) {
		for (int i = levels.size() - 1; i >= 0; i--) {
			Level<T> level = levels.get(i);
			String token = tokens.get(i);
			Node<T> node = level.child(token);
			if (node.next != null && node.next.isEmpty()) {
				node.next = null;
			}
			if (!node.isEmpty()) {
				return;
			}
			level.removeChild(token);
		}
	}

	private static <T> void collect(Level<T> level, String[] tokens, int index, MatchCollector<T> collector) {
		if (level.fullWildcard != null) {
			collector.add(level.fullWildcard);
		}
		boolean last = index == tokens.length - 1;
		if (level.singleWildcard != null) {
			descend(level.singleWildcard, tokens, index, last, collector);
		}
		if (level.literals != null) {
			Node<T> node = level.literals.get(tokens[index]);
			if (node != null) {
				descend(node, tokens, index, last, collector);
			}
		}
	}

	private static <T> void descend(Node<T> node, String[] tokens, int index, boolean last,
			MatchCollector<T> collector) {
		if (last) {
			collector.add(node);
		}
		else if (node.next != null) {
			collect(node.next, tokens, index + 1, collector);
		}
	}

	private static int tokenEnd(String subject, int start) {
		int end = subject.indexOf(Subjects.TOKEN_SEPARATOR, start);
		return (end < 0) ? subject.length() : end;
	}

	private static String[] tokenize(String subject) {
		int length = subject.length();
		if (length == 0) {
			return null;
		}
		int separators = 0;
		for (int i = 0; i < length; i++) {
			if (subject.charAt(i) == Subjects.TOKEN_SEPARATOR) {
				separators++;
			}
		}
		String[] tokens = new String[separators + 1];
		int start = 0;
		for (int i = 0; i < tokens.length; i++) {
			int end = tokenEnd(subject, start);
			if (end == start) {
				return null;
			}
			tokens[i] = subject.substring(start, end);
			start = end + 1;
		}
		return tokens;
	}

	private static final class Level<T> {

		private Map<String, Node<T>> literals;

		private Node<T> singleWildcard;

		private Node<T> fullWildcard;

		Node<T> child(String token) {
			if (token.length() == 1) {
				if (token.charAt(0) == '*') {
					return this.singleWildcard;
				}
				if (token.charAt(0) == '>') {
					return this.fullWildcard;
				}
			}
			return (this.literals != null) ? this.literals.get(token) : null;
		}

		Node<T> childFor(String token) {
			Node<T> node = child(token);
			if (node != null) {
				return node;
			}
			node = new Node<>();
			if (token.equals(Subjects.SINGLE_WILDCARD)) {
				this.singleWildcard = node;
			}
			else if (token.equals(Subjects.FULL_WILDCARD)) {
				this.fullWildcard = node;
			}
			else {
				if (this.literals == null) {
					this.literals = new HashMap<>();
				}
				this.literals.put(token, node);
			}
			return node;
		}

		void removeChild(String token) {
			if (token.equals(Subjects.SINGLE_WILDCARD)) {
				this.singleWildcard = null;
			}
			else if (token.equals(Subjects.FULL_WILDCARD)) {
				this.fullWildcard = null;
			}
			else if (this.literals != null) {
				this.literals.remove(token);
				if (this.literals.isEmpty()) {
					this.literals = null;
				}
			}
		}

		boolean isEmpty() {
			return this.literals == null && this.singleWildcard == null && this.fullWildcard == null;
		}

	}

	private static final class Node<T> {

		private Level<T> next;

		private Set<T> subscribers;

		private Map<String, Set<T>> queueGroups;

		boolean add(String queue, T subscriber) {
			if (queue == null) {
				if (this.subscribers == null) {
					this.subscribers = identitySet();
				}
				return this.subscribers.add(subscriber);
			}
			if (this.queueGroups == null) {
				this.queueGroups = new HashMap<>();
			}
			return this.queueGroups.computeIfAbsent(queue, (name) -> identitySet()).add(subscriber);
		}

		boolean remove(String queue, T subscriber) {
			if (queue == null) {
				if (this.subscribers == null || !this.subscribers.remove(subscriber)) {
					return false;
				}
				if (this.subscribers.isEmpty()) {
					this.subscribers = null;
				}
				return true;
			}
			Set<T> members = (this.queueGroups != null) ? this.queueGroups.get(queue) : null;
			if (members == null || !members.remove(subscriber)) {
				return false;
			}
			if (members.isEmpty()) {
				this.queueGroups.remove(queue);
				if (this.queueGroups.isEmpty()) {
					this.queueGroups = null;
				}
			}
			return true;
		}

		boolean isEmpty() {
			return this.next == null && this.subscribers == null && this.queueGroups == null;
		}

		private static <T> Set<T> identitySet() {
			return Collections.newSetFromMap(new IdentityHashMap<>());
		}

	}

	private static final class MatchCollector<T> {

		private static final SubjectMatch.QueueGroup<?>[] NO_QUEUE_GROUPS = new SubjectMatch.QueueGroup<?>[0];

		private final List<Object> subscribers = new ArrayList<>();

		private Map<String, List<Object>> queueGroups;

		void add(Node<T> node) {
			if (node.subscribers != null) {
				this.subscribers.addAll(node.subscribers);
			}
			if (node.queueGroups != null) {
				if (this.queueGroups == null) {
					this.queueGroups = new LinkedHashMap<>();
				}
				node.queueGroups.forEach((name, members) ->
						this.queueGroups.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(members));
			}
		}

		SubjectMatch<T> toMatch() {
			if (this.queueGroups == null) {
				return SubjectMatch.of(this.subscribers.toArray(), NO_QUEUE_GROUPS);
			}
			SubjectMatch.QueueGroup<?>[] groups = new SubjectMatch.QueueGroup<?>[this.queueGroups.size()];
			int i = 0;
			for (Map.Entry<String, List<Object>> group : this.queueGroups.entrySet()) {
				groups[i++] = new SubjectMatch.QueueGroup<>(group.getKey(), group.getValue().toArray());
			}
			return SubjectMatch.of(this.subscribers.toArray(), groups);
		}

	}

}
