package io.github.natsspring.broker.subject;

/**
 * Figures of one {@link SubjectTrie}, as nats-server's {@code /subsz} reports those of a sublist; gathered on
 * request, never counted per match.
 *
 * @param subscriptions subscriptions present
 * @param cachedSubjects subjects whose match results are cached
 * @param inserts subscriptions ever inserted
 * @param removes subscriptions ever removed
 * @param maxFanout the most subscribers and queue groups one cached subject reaches
 * @param totalFanout the subscribers and queue groups all cached subjects reach together
 */
public record TrieStatistics(int subscriptions, int cachedSubjects, long inserts, long removes, int maxFanout,
		long totalFanout) {
}
