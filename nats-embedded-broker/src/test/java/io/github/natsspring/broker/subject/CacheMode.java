package io.github.natsspring.broker.subject;

/**
 * The ways every trie behaviour is tested: with the default match cache, without one, and with a cache so small
 * that eviction runs all the time.
 */
enum CacheMode {

	CACHED(SubjectTrie.DEFAULT_CACHE_CAPACITY), UNCACHED(0), TINY_CACHE(4);

	private final int capacity;

	CacheMode(int capacity) {
		this.capacity = capacity;
	}

	<T> SubjectTrie<T> newTrie() {
		return new SubjectTrie<>(this.capacity);
	}

}
