package io.github.natsspring.broker.monitor;

import java.util.Collection;

import io.github.natsspring.broker.subject.TrieStatistics;

/**
 * nats-server's {@code SublistStats} fields, summed over accounts as {@code /subsz} sums them. Matches and cache
 * hits are not counted (that would cost every message), so {@code num_matches} and {@code cache_hit_rate} are 0.
 */
final class SublistStatsJson {

	private SublistStatsJson() {
	}

	static void writeFields(GoJsonWriter json, Collection<TrieStatistics> tries) {
		long subscriptions = 0;
		long cached = 0;
		long inserts = 0;
		long removes = 0;
		long maxFanout = 0;
		long totalFanout = 0;
		for (TrieStatistics trie : tries) {
			subscriptions += trie.subscriptions();
			cached += trie.cachedSubjects();
			inserts += trie.inserts();
			removes += trie.removes();
			maxFanout = Math.max(maxFanout, trie.maxFanout());
			totalFanout += trie.totalFanout();
		}
		json.field("num_subscriptions", subscriptions)
			.field("num_cache", cached)
			.field("num_inserts", inserts)
			.field("num_removes", removes)
			.field("num_matches", 0L)
			.field("cache_hit_rate", 0L)
			.field("max_fanout", maxFanout)
			.field("avg_fanout", (totalFanout > 0) ? (double) totalFanout / cached : 0.0);
	}
}
