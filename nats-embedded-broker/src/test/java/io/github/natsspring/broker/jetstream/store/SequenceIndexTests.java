package io.github.natsspring.broker.jetstream.store;

import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The sequence index against a sorted map, through puts with gaps, removals anywhere, compaction and clears.
 */
class SequenceIndexTests {

	@Test
	void agreesWithASortedMapThroughRandomOperations() {
		Random random = new Random(7);
		SequenceIndex<IndexEntry> index = new SequenceIndex<>();
		TreeMap<Long, IndexEntry> model = new TreeMap<>();
		long next = 1;
		for (int step = 0; step < 20_000; step++) {
			int choice = random.nextInt(100);
			if (choice < 50) {
				next += (random.nextInt(10) == 0) ? random.nextInt(50) : 0;
				IndexEntry entry = new IndexEntry(next++, 0, "s", 0);
				index.put(entry);
				model.put(entry.sequence, entry);
			}
			else if (choice < 99) {
				long sequence = next - 1 - random.nextInt(Math.max(1, model.size() * 2));
				assertThat(index.remove(sequence)).as("remove %d", sequence).isSameAs(model.remove(sequence));
			}
			else {
				next += random.nextInt(5);
				index.clear(next);
				model.clear();
			}
			long probe = next - random.nextInt(100);
			assertThat(index.get(probe)).isSameAs(model.get(probe));
			Long higher = model.ceilingKey(probe);
			assertThat(index.nextHeld(probe)).isEqualTo((higher == null) ? next : higher);
			Long lower = model.floorKey(probe);
			assertThat(index.previousHeld(probe)).isEqualTo((lower == null) ? -1 : lower);
			assertThat(index.base()).isEqualTo(model.isEmpty() ? next : model.firstKey());
			assertThat(index.end()).isEqualTo(next);
		}
	}

	@Test
	void aSequenceNotPastTheLastIsRefused() {
		SequenceIndex<IndexEntry> index = new SequenceIndex<>();
		index.put(new IndexEntry(5, 0, "s", 0));
		assertThatIllegalStateException().isThrownBy(() -> index.put(new IndexEntry(5, 0, "s", 0)));
	}
}
