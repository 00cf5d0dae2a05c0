package io.github.natsspring.broker.subject;

/**
 * The two ways every trie behaviour is tested: with the match cache and without it.
 */
enum CacheMode {

	CACHED(SubjectTrie.DEFAULT_CACHE_CAPACITY), UNCACHED(0);

	private final int capacity;

	CacheMode(int capacity) {
		this.capacity = capacity;
	}

	<T> SubjectTrie<T> newTrie() {
		return new SubjectTrie<>(this.capacity);
	}

}
