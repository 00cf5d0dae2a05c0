package io.github.natsspring.broker.jetstream.store;

import java.util.Arrays;

/**
 * The held messages by sequence: their sequences in ascending order in one array and their entries beside them,
 * a removed message's entry cleared until the arrays are compacted. Sequences only grow, so a put appends and
 * a lookup is a binary search; memory follows the held messages, not the span of sequences, so one old message
 * kept by a KV bucket among millions removed since costs nothing. Not thread-safe; the store's lock guards it.
 *
 * @param <E> the store's entry for one message
 */
final class SequenceIndex<E extends IndexEntry> {

	private static final int MINIMUM_CAPACITY = 16;

	private long[] sequences = new long[MINIMUM_CAPACITY];

	private Object[] entries = new Object[MINIMUM_CAPACITY];

	/** The first slot in use: held, since cleared slots at the front are skipped at once. */
	private int start;

	/** One past the last slot in use. */
	private int end;

	private int held;

	/** One past the last sequence put, or where {@link #clear(long)} said the next one goes. */
	private long next = 1;

	/**
	 * The first held sequence, or the next sequence when none is held.
	 */
	long base() {
		return (this.held == 0) ? this.next : this.sequences[this.start];
	}

	/** One past the last sequence put. */
	long end() {
		return this.next;
	}

	@SuppressWarnings("unchecked")
	E get(long sequence) {
		int slot = find(sequence);
		return (slot < 0) ? null : (E) this.entries[slot];
	}

	/**
	 * Puts an entry at its sequence, which must not be below {@link #end()}.
	 */
	void put(E entry) {
		long sequence = entry.sequence;
		if (sequence < this.next) {
			throw new IllegalStateException("sequence " + sequence + " is not past " + (this.next - 1));
		}
		if (this.end == this.sequences.length) {
			makeRoom();
		}
		this.sequences[this.end] = sequence;
		this.entries[this.end] = entry;
		this.end++;
		this.held++;
		this.next = sequence + 1;
	}

	/**
	 * Removes the entry at a sequence.
	 * @return the entry that was there, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	E remove(long sequence) {
		int slot = find(sequence);
		if (slot < 0) {
			return null;
		}
		E entry = (E) this.entries[slot];
		this.entries[slot] = null;
		this.held--;
		if (this.held == 0) {
			this.start = 0;
			this.end = 0;
		}
		else if (slot == this.start) {
			while (this.entries[this.start] == null) {
				this.start++;
			}
		}
		return entry;
	}

	/**
	 * Forgets every entry, the next put starting wherever it says.
	 * @param next the sequence {@link #base()} and {@link #end()} report until then
	 */
	void clear(long next) {
		Arrays.fill(this.entries, null);
		this.start = 0;
		this.end = 0;
		this.held = 0;
		this.next = next;
	}

	/** The first held sequence at or after {@code from}, or {@link #end()} when none. */
	long nextHeld(long from) {
		for (int slot = lowerBound(from); slot < this.end; slot++) {
			if (this.entries[slot] != null) {
				return this.sequences[slot];
			}
		}
		return this.next;
	}

	/** The last held sequence at or before {@code from}, or -1 when none. */
	long previousHeld(long from) {
		for (int slot = lowerBound(from + 1) - 1; slot >= this.start; slot--) {
			if (this.entries[slot] != null) {
				return this.sequences[slot];
			}
		}
		return -1;
	}

	private int find(long sequence) {
		int slot = Arrays.binarySearch(this.sequences, this.start, this.end, sequence);
		return (slot >= 0 && this.entries[slot] != null) ? slot : -1;
	}

	/** The first slot in use whose sequence is at least {@code sequence}. */
	private int lowerBound(long sequence) {
		int slot = Arrays.binarySearch(this.sequences, this.start, this.end, sequence);
		return (slot >= 0) ? slot : -slot - 1;
	}

	/** Drops cleared slots when at least half are, else grows. */
	private void makeRoom() {
		int capacity = (this.held * 2 <= this.sequences.length) ? this.sequences.length : this.sequences.length * 2;
		long[] sequences = new long[Math.max(MINIMUM_CAPACITY, capacity)];
		Object[] entries = new Object[sequences.length];
		int kept = 0;
		for (int slot = this.start; slot < this.end; slot++) {
			if (this.entries[slot] != null) {
				sequences[kept] = this.sequences[slot];
				entries[kept] = this.entries[slot];
				kept++;
			}
		}
		this.sequences = sequences;
		this.entries = entries;
		this.start = 0;
		this.end = kept;
	}
}
