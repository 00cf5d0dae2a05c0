package io.github.natsspring.broker.jetstream.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.github.natsspring.broker.subject.Subjects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random stores, deletes and purges under message and per-subject limits, applied to a {@link MemoryStore}, a
 * {@link FileStore} with small blocks that is closed and reopened every so often, and a plain model of
 * nats-server's semantics; all three must agree after every step.
 */
class StoreParityTests {

	private static final String[] SUBJECTS = { "a.1", "a.2", "b.1", "b.2", "c" };

	private static final String[] FILTERS = { "a.1", "b.2", "c", "a.*", "*.1", ">", "d" };

	private static final StoreLimits LIMITS = StoreLimits.builder().maxMessages(50).maxMessagesPerSubject(6).build();

	@TempDir
	Path directory;

	@Test
	void memoryAndFileStoresAgreeWithTheModelThroughRandomOperations() {
		Random random = new Random(20261202);
		FileStoreOptions options = FileStoreOptions.builder(this.directory).forceEachWrite(false).blockSize(512).build();
		Model model = new Model();
		MessageStore memory = new MemoryStore("S", LIMITS);
		MessageStore file = FileStore.open("S", LIMITS, options);
		try {
			for (int step = 0; step < 1500; step++) {
				int choice = random.nextInt(100);
				Object expected;
				Object fromMemory;
				Object fromFile;
				String operation;
				if (choice < 60) {
					String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
					String payload = "p" + step;
					operation = "store " + subject;
					expected = model.store(subject, payload);
					fromMemory = store(memory, subject, payload);
					fromFile = store(file, subject, payload);
				}
				else if (choice < 85) {
					long sequence = model.first() - 1 + random.nextInt(Math.max(1, (int) (model.last - model.first()) + 3));
					boolean erase = random.nextBoolean();
					operation = "remove " + sequence;
					expected = model.remove(sequence);
					fromMemory = memory.remove(sequence, erase);
					fromFile = file.remove(sequence, erase);
				}
				else {
					PurgeRequest request = randomPurge(random, model);
					operation = "purge " + request;
					expected = model.purge(request);
					fromMemory = memory.purge(request);
					fromFile = file.purge(request);
				}
				assertThat(fromMemory).as("memory, step %d: %s", step, operation).isEqualTo(expected);
				assertThat(fromFile).as("file, step %d: %s", step, operation).isEqualTo(expected);
				if (step % 97 == 0) {
					file.close();
					file = FileStore.open("S", LIMITS, options);
				}
				model.check(memory, "memory, step " + step);
				model.check(file, "file, step " + step);
			}
		}
		finally {
			memory.close();
			file.close();
		}
	}

	private static long store(MessageStore store, String subject, String payload) {
		try {
			return store.store(subject, null, payload.getBytes(StandardCharsets.UTF_8), 1);
		}
		catch (MessageRejectedException ex) {
			throw new AssertionError(ex);
		}
	}

	private static PurgeRequest randomPurge(Random random, Model model) {
		String filter = random.nextBoolean() ? null : FILTERS[random.nextInt(FILTERS.length)];
		switch (random.nextInt(4)) {
			case 0:
				return new PurgeRequest(filter, 0, 0);
			case 1:
				return new PurgeRequest(filter, Math.max(0, model.first() + random.nextInt(8) - 2), 0);
			case 2:
				return new PurgeRequest(filter, 0, random.nextInt(6));
			default:
				return new PurgeRequest(filter, model.last + 1 + random.nextInt(3), 0);
		}
	}

	/** nats-server's semantics, written plainly. */
	private static final class Model {

		final TreeMap<Long, String[]> messages = new TreeMap<>();

		long last;

		long emptyFirst;

		long first() {
			return this.messages.isEmpty() ? this.emptyFirst : this.messages.firstKey();
		}

		long store(String subject, String payload) {
			this.last++;
			this.messages.put(this.last, new String[] { subject, payload });
			List<Long> ofSubject = new ArrayList<>();
			this.messages.forEach((sequence, message) -> {
				if (message[0].equals(subject)) {
					ofSubject.add(sequence);
				}
			});
			for (int i = 0; i < ofSubject.size() - LIMITS.maxMessagesPerSubject(); i++) {
				this.messages.remove(ofSubject.get(i));
			}
			while (this.messages.size() > LIMITS.maxMessages()) {
				this.messages.pollFirstEntry();
			}
			settle();
			return this.last;
		}

		boolean remove(long sequence) {
			boolean removed = this.messages.remove(sequence) != null;
			settle();
			return removed;
		}

		long purge(PurgeRequest request) {
			boolean all = request.filter() == null || request.filter().equals(">");
			if (all && request.keep() == 0 && (request.belowSequence() <= 1 || request.belowSequence() > this.last)) {
				long count = this.messages.size();
				this.messages.clear();
				long next = (request.belowSequence() > this.last) ? request.belowSequence() : this.last + 1;
				this.last = Math.max(this.last, next - 1);
				this.emptyFirst = next;
				return count;
			}
			List<Long> matching = new ArrayList<>();
			this.messages.forEach((sequence, message) -> {
				if (all || Subjects.matches(request.filter(), message[0])) {
					matching.add(sequence);
				}
			});
			long count = 0;
			int removable = matching.size() - (int) request.keep();
			for (Iterator<Long> it = matching.iterator(); it.hasNext() && count < removable;) {
				long sequence = it.next();
				if (request.belowSequence() > 0 && sequence >= request.belowSequence()) {
					break;
				}
				this.messages.remove(sequence);
				count++;
			}
			settle();
			return count;
		}

		private void settle() {
			if (this.messages.isEmpty() && this.last > 0) {
				this.emptyFirst = Math.max(this.emptyFirst, this.last + 1);
			}
		}

		void check(MessageStore store, String description) {
			StreamState state = store.state();
			assertThat(state.messages()).as(description).isEqualTo(this.messages.size());
			assertThat(state.lastSequence()).as(description).isEqualTo(this.last);
			assertThat(state.firstSequence()).as(description).isEqualTo(first());
			Map<String, Long> counts = new TreeMap<>();
			this.messages.values().forEach((message) -> counts.merge(message[0], 1L, Long::sum));
			assertThat(store.subjectCounts(null)).as(description).isEqualTo(counts);
			for (long sequence = first(); sequence <= this.last; sequence++) {
				String[] message = this.messages.get(sequence);
				StoredMessage stored = store.load(sequence);
				if (message == null) {
					assertThat(stored).as(description + " seq " + sequence).isNull();
				}
				else {
					assertThat(stored.subject()).as(description + " seq " + sequence).isEqualTo(message[0]);
					assertThat(new String(stored.payload(), StandardCharsets.UTF_8)).isEqualTo(message[1]);
				}
			}
			for (String filter : FILTERS) {
				Map.Entry<Long, String[]> newest = null;
				for (Map.Entry<Long, String[]> message : this.messages.descendingMap().entrySet()) {
					if (Subjects.matches(filter, message.getValue()[0])) {
						newest = message;
						break;
					}
				}
				StoredMessage last = store.loadLast(filter);
				assertThat((last == null) ? null : last.sequence()).as(description + " last " + filter)
					.isEqualTo((newest == null) ? null : newest.getKey());
				long from = first() + 3;
				long count = this.messages.tailMap(from).values().stream()
					.filter((message) -> Subjects.matches(filter, message[0]))
					.count();
				assertThat(store.count(filter, from)).as(description + " count " + filter).isEqualTo(count);
			}
		}
	}
}
