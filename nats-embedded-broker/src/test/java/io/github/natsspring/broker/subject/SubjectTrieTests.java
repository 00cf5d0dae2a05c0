package io.github.natsspring.broker.subject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Behaviour of {@link SubjectTrie}; every case runs with the match cache on and off. Each lookup goes through
 * {@link #view}, which matches twice so that with the cache on the second answer comes from the cache.
 */
class SubjectTrieTests {

	private final Subscriber alice = new Subscriber("alice");

	private final Subscriber bob = new Subscriber("bob");

	private final Subscriber carol = new Subscriber("carol");

	private final Subscriber dave = new Subscriber("dave");

	@WithAndWithoutCache
	void literalSubscriptionMatchesOnlyItsOwnSubject(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("foo.bar", null, this.alice);

		assertThat(view(trie, "foo.bar").subscribers()).containsExactly("alice");
		assertThat(view(trie, "foo").subscribers()).isEmpty();
		assertThat(view(trie, "foo.bar.baz").subscribers()).isEmpty();
		assertThat(view(trie, "foo.baz").subscribers()).isEmpty();
	}

	@WithAndWithoutCache
	void singleWildcardMatchesAnyOneTokenAtItsPosition(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("*.b.c", null, this.alice);
		trie.insert("a.*.c", null, this.bob);
		trie.insert("a.b.*", null, this.carol);

		assertThat(view(trie, "a.b.c").subscribers()).containsExactly("alice", "bob", "carol");
		assertThat(view(trie, "x.b.c").subscribers()).containsExactly("alice");
		assertThat(view(trie, "a.x.c").subscribers()).containsExactly("bob");
		assertThat(view(trie, "a.b.x").subscribers()).containsExactly("carol");
		assertThat(view(trie, "a.b").subscribers()).isEmpty();
		assertThat(view(trie, "a.b.c.d").subscribers()).isEmpty();
	}

	@WithAndWithoutCache
	void fullWildcardNeedsAtLeastOneMoreToken(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("foo.>", null, this.alice);

		assertThat(view(trie, "foo").subscribers()).isEmpty();
		assertThat(view(trie, "foo.bar").subscribers()).containsExactly("alice");
		assertThat(view(trie, "foo.bar.baz.qux").subscribers()).containsExactly("alice");
		assertThat(view(trie, "bar.foo").subscribers()).isEmpty();
	}

	@WithAndWithoutCache
	void fullWildcardAloneMatchesEverySubject(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert(">", null, this.alice);

		assertThat(view(trie, "foo").subscribers()).containsExactly("alice");
		assertThat(view(trie, "foo.bar.baz").subscribers()).containsExactly("alice");
	}

	@WithAndWithoutCache
	void wildcardsCombineInOneSubscription(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.*.>", null, this.alice);

		assertThat(view(trie, "a.b").subscribers()).isEmpty();
		assertThat(view(trie, "a.b.c").subscribers()).containsExactly("alice");
		assertThat(view(trie, "a.b.c.d").subscribers()).containsExactly("alice");
		assertThat(view(trie, "x.b.c").subscribers()).isEmpty();
	}

	@WithAndWithoutCache
	void overlappingSubscriptionsAreAllReturned(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b", null, this.alice);
		trie.insert("a.*", null, this.bob);
		trie.insert("a.>", null, this.carol);
		trie.insert(">", null, this.dave);

		assertThat(view(trie, "a.b").subscribers()).containsExactly("alice", "bob", "carol", "dave");
	}

	@WithAndWithoutCache
	void subscriberInsertedUnderTwoMatchingSubjectsIsReturnedOncePerSubscription(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.*", null, this.alice);
		trie.insert("a.>", null, this.alice);

		assertThat(view(trie, "a.b").subscribers()).containsExactly("alice", "alice");
		assertThat(trie.count()).isEqualTo(2);
	}

	@WithAndWithoutCache
	void publishedWildcardTokensAreMatchedLiterally(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.*", null, this.alice);
		trie.insert(">", null, this.bob);
		trie.insert("a.b", null, this.carol);
		trie.insert("*.b", null, this.dave);

		assertThat(view(trie, "a.*").subscribers()).containsExactly("alice", "bob");
		assertThat(view(trie, "a.>").subscribers()).containsExactly("alice", "bob");
	}

	@WithAndWithoutCache
	void wildcardCharacterInsideTokenIsLiteral(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("foo*", null, this.alice);
		trie.insert("foo", null, this.bob);

		assertThat(view(trie, "foo*").subscribers()).containsExactly("alice");
		assertThat(view(trie, "foox").subscribers()).isEmpty();
	}

	@WithAndWithoutCache
	void subjectWithEmptyTokenMatchesNothing(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert(">", null, this.alice);
		trie.insert("*.*.*", null, this.bob);

		for (String subject : List.of("a..b", ".a", "a.", ".", "")) {
			assertThat(trie.match(subject)).as(subject).isSameAs(SubjectMatch.empty());
		}
	}

	@WithAndWithoutCache
	void queueSubscribersAreGroupedByName(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("orders.new", "workers", this.alice);
		trie.insert("orders.new", "workers", this.bob);
		trie.insert("orders.new", "auditors", this.carol);
		trie.insert("orders.new", null, this.dave);

		MatchView match = view(trie, "orders.new");

		assertThat(match.subscribers()).containsExactly("dave");
		assertThat(match.queueGroups()).isEqualTo(Map.of("workers", List.of("alice", "bob"), "auditors",
				List.of("carol")));
	}

	@WithAndWithoutCache
	void queueGroupSpansEveryMatchingSubjectWithTheSameName(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b", "q", this.alice);
		trie.insert("a.*", "q", this.bob);
		trie.insert("a.>", "q", this.carol);

		assertThat(view(trie, "a.b").queueGroups()).isEqualTo(Map.of("q", List.of("alice", "bob", "carol")));
	}

	@WithAndWithoutCache
	void removedSubscriptionNoLongerMatches(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.*", null, this.alice);
		trie.insert("a.*", null, this.bob);
		trie.insert("a.*", "q", this.carol);
		view(trie, "a.b");

		assertThat(trie.remove("a.*", null, this.alice)).isTrue();
		assertThat(trie.remove("a.*", "q", this.carol)).isTrue();

		MatchView match = view(trie, "a.b");
		assertThat(match.subscribers()).containsExactly("bob");
		assertThat(match.queueGroups()).isEmpty();
	}

	@WithAndWithoutCache
	void removingEverySubscriptionLeavesNothingToMatch(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b.c", null, this.alice);
		trie.insert("a.*.c", "q", this.bob);
		trie.insert("a.>", null, this.carol);
		view(trie, "a.b.c");

		trie.remove("a.b.c", null, this.alice);
		trie.remove("a.*.c", "q", this.bob);
		trie.remove("a.>", null, this.carol);

		assertThat(trie.match("a.b.c")).isSameAs(SubjectMatch.empty());
		assertThat(trie.count()).isZero();
	}

	@WithAndWithoutCache
	void removingSeveralAtOnceLeavesTheOthersMatchingAndForgetsCachedResults(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		Map<Subscriber, String> subjects = Map.of(this.alice, "a.b", this.bob, "a.*", this.carol, "a.>", this.dave,
				"a.b");
		Map<Subscriber, String> queues = new HashMap<>();
		queues.put(this.bob, "q");
		subjects.forEach((subscriber, subject) -> trie.insert(subject, queues.get(subscriber), subscriber));
		view(trie, "a.b");
		long generation = trie.generation();

		int removed = trie.removeAll(List.of(this.alice, this.bob, this.carol), subjects::get, queues::get);

		assertThat(removed).isEqualTo(3);
		assertThat(trie.count()).isEqualTo(1);
		assertThat(trie.generation()).isGreaterThan(generation);
		assertThat(trie.cachedSubjectCount()).isZero();
		MatchView match = view(trie, "a.b");
		assertThat(match.subscribers()).containsExactly("dave");
		assertThat(match.queueGroups()).isEmpty();
		assertThat(view(trie, "a.c.d").subscribers()).isEmpty();
	}

	@WithAndWithoutCache
	void removingSeveralAtOnceSkipsThoseNotPresent(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b", null, this.alice);
		long generation = trie.generation();

		int removed = trie.removeAll(List.of(this.bob, this.carol), (subscriber) -> "a.b", (subscriber) -> null);

		assertThat(removed).isZero();
		assertThat(trie.generation()).isEqualTo(generation);
		assertThat(view(trie, "a.b").subscribers()).containsExactly("alice");
	}

	@WithAndWithoutCache
	void subscriptionCanBeInsertedAgainAfterItsBranchWasRemoved(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b.c", null, this.alice);
		trie.remove("a.b.c", null, this.alice);

		trie.insert("a.b.c", null, this.bob);

		assertThat(view(trie, "a.b.c").subscribers()).containsExactly("bob");
	}

	@WithAndWithoutCache
	void removingUnknownSubscriptionReportsFalseAndChangesNothing(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b", "q", this.alice);
		long generation = trie.generation();

		assertThat(trie.remove("a.b", null, this.alice)).as("not a plain subscriber").isFalse();
		assertThat(trie.remove("a.b", "other", this.alice)).as("other queue").isFalse();
		assertThat(trie.remove("a.b", "q", this.bob)).as("other subscriber").isFalse();
		assertThat(trie.remove("a.c", "q", this.alice)).as("other subject").isFalse();
		assertThat(trie.remove("a.b.c", "q", this.alice)).as("deeper subject").isFalse();
		assertThat(trie.remove("a", "q", this.alice)).as("shallower subject").isFalse();
		assertThat(trie.remove("a.*", "q", this.alice)).as("wildcard subject").isFalse();
		assertThat(trie.remove("a..b", "q", this.alice)).as("invalid subject").isFalse();

		assertThat(trie.count()).isOne();
		assertThat(trie.generation()).isEqualTo(generation);
		assertThat(view(trie, "a.b").queueGroups()).isEqualTo(Map.of("q", List.of("alice")));
	}

	@WithAndWithoutCache
	void insertingTheSameSubscriptionTwiceKeepsOne(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		assertThat(trie.insert("a.b", null, this.alice)).isTrue();
		long generation = trie.generation();

		assertThat(trie.insert("a.b", null, this.alice)).isFalse();

		assertThat(view(trie, "a.b").subscribers()).containsExactly("alice");
		assertThat(trie.count()).isOne();
		assertThat(trie.generation()).isEqualTo(generation);
	}

	@WithAndWithoutCache
	void subscribersAreComparedByIdentity(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b", null, this.alice);
		Subscriber otherAlice = new Subscriber("alice");

		assertThat(trie.insert("a.b", null, otherAlice)).isTrue();
		assertThat(trie.remove("a.b", null, otherAlice)).isTrue();

		assertThat(view(trie, "a.b").subscribers()).containsExactly("alice");
		assertThat(trie.match("a.b").subscriber(0)).isSameAs(this.alice);
	}

	@WithAndWithoutCache
	void countFollowsInsertsAndRemoves(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a", null, this.alice);
		trie.insert("a", "q", this.alice);
		trie.insert("b.>", null, this.bob);
		assertThat(trie.count()).isEqualTo(3);

		trie.remove("a", null, this.alice);

		assertThat(trie.count()).isEqualTo(2);
	}

	@WithAndWithoutCache
	void generationGrowsWithEveryInsertAndRemove(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		long initial = trie.generation();

		trie.insert("a", null, this.alice);
		long afterInsert = trie.generation();
		trie.remove("a", null, this.alice);
		long afterRemove = trie.generation();

		assertThat(afterInsert).isGreaterThan(initial);
		assertThat(afterRemove).isGreaterThan(afterInsert);
	}

	@WithAndWithoutCache
	void matchingLeavesGenerationAlone(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a", null, this.alice);
		long generation = trie.generation();

		trie.match("a");
		trie.match("b");

		assertThat(trie.generation()).isEqualTo(generation);
	}

	@WithAndWithoutCache
	void subjectWithoutInterestMatchesTheSharedEmptyResult(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();
		trie.insert("a.b", null, this.alice);

		SubjectMatch<Subscriber> match = trie.match("a.c");

		assertThat(match).isSameAs(SubjectMatch.empty());
		assertThat(match.isEmpty()).isTrue();
		assertThat(trie.match("a.c")).isSameAs(match);
	}

	@WithAndWithoutCache
	void invalidSubscriptionSubjectIsRejected(CacheMode mode) {
		SubjectTrie<Subscriber> trie = mode.newTrie();

		for (String subject : List.of("", "a..b", ".a", "a.", "a.>.b", ">.>")) {
			assertThatIllegalArgumentException().as(subject).isThrownBy(() -> trie.insert(subject, null, this.alice));
		}
		assertThat(trie.count()).isZero();
	}

	@Test
	void cacheHitReturnsTheSameResultObject() {
		SubjectTrie<Subscriber> trie = CacheMode.CACHED.newTrie();
		trie.insert("a.*", null, this.alice);

		assertThat(trie.match("a.b")).isSameAs(trie.match("a.b"));
	}

	@Test
	void cachedResultGainsAnInsertedMatchingWildcardSubscription() {
		SubjectTrie<Subscriber> trie = CacheMode.CACHED.newTrie();
		trie.insert("a.b", null, this.alice);
		trie.match("a.b");

		trie.insert("a.*", null, this.bob);
		trie.insert("*.b", "q", this.carol);
		trie.insert(">", "q", this.dave);

		MatchView match = MatchView.of(trie.match("a.b"));
		assertThat(match.subscribers()).containsExactly("alice", "bob");
		assertThat(match.queueGroups()).isEqualTo(Map.of("q", List.of("carol", "dave")));
	}

	@Test
	void cachedResultLosesARemovedMatchingWildcardSubscription() {
		SubjectTrie<Subscriber> trie = CacheMode.CACHED.newTrie();
		trie.insert("a.*", null, this.alice);
		trie.insert("a.>", null, this.bob);
		trie.insert("*.b", "q", this.carol);
		trie.insert(">", "q", this.dave);
		trie.match("a.b");

		trie.remove("a.>", null, this.bob);
		trie.remove(">", "q", this.dave);

		MatchView match = MatchView.of(trie.match("a.b"));
		assertThat(match.subscribers()).containsExactly("alice");
		assertThat(match.queueGroups()).isEqualTo(Map.of("q", List.of("carol")));
	}

	@Test
	void cachedEmptyResultGainsAnInsertedLiteralSubscription() {
		SubjectTrie<Subscriber> trie = CacheMode.CACHED.newTrie();
		assertThat(trie.match("a.b").isEmpty()).isTrue();

		trie.insert("a.b", null, this.alice);

		assertThat(MatchView.of(trie.match("a.b")).subscribers()).containsExactly("alice");
	}

	@Test
	void cachedResultBecomesTheSharedEmptyResultWhenItsLastSubscriptionGoes() {
		SubjectTrie<Subscriber> trie = CacheMode.CACHED.newTrie();
		trie.insert("a.*", "q", this.alice);
		trie.match("a.b");

		trie.remove("a.*", "q", this.alice);

		assertThat(trie.match("a.b")).isSameAs(SubjectMatch.empty());
	}

	@Test
	void cachedResultIsKeptWhenAnUnrelatedSubscriptionChanges() {
		SubjectTrie<Subscriber> trie = CacheMode.CACHED.newTrie();
		trie.insert("a.*", null, this.alice);
		SubjectMatch<Subscriber> cached = trie.match("a.b");

		trie.insert("b.*", null, this.bob);
		trie.insert("a.b.c", null, this.carol);
		trie.remove("b.*", null, this.bob);

		assertThat(trie.match("a.b")).isSameAs(cached);
	}

	@Test
	void cacheStaysWithinItsCapacity() {
		SubjectTrie<Subscriber> trie = new SubjectTrie<>(64);
		trie.insert(">", null, this.alice);

		for (int i = 0; i < 1000; i++) {
			trie.match("subject." + i);
			assertThat(trie.cachedSubjectCount()).isLessThanOrEqualTo(64);
		}
		assertThat(trie.cachedSubjectCount()).isPositive();
	}

	@Test
	void disabledCacheHoldsNothing() {
		SubjectTrie<Subscriber> trie = CacheMode.UNCACHED.newTrie();
		trie.insert(">", null, this.alice);

		trie.match("a");

		assertThat(trie.cachedSubjectCount()).isZero();
	}

	@Test
	void negativeCacheCapacityIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SubjectTrie<Subscriber>(-1));
	}

	private static MatchView view(SubjectTrie<Subscriber> trie, String subject) {
		MatchView first = MatchView.of(trie.match(subject));
		MatchView second = MatchView.of(trie.match(subject));
		assertThat(second).as("second match of %s", subject).isEqualTo(first);
		return first;
	}

}
