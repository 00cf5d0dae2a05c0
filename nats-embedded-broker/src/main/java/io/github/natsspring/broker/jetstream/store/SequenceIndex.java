package io.github.natsspring.broker.jetstream.store;

import java.util.Arrays;

/**
 * The held messages by sequence: a ring of slots from the first held sequence to the last sequence given out,
 * empty slots for removed messages. Sequences only grow, so a lookup is an array access and removing the head
 * just moves it. Not thread-safe; the store's lock guards it.
 *
 * @param <E> the store's entry for one message
 */
final class SequenceIndex<E extends IndexEntry> {

	private Object[] slots = new Object[16];

	/** Sequence of the slot at {@link #head}. */
	private long base = 1;

	private int head;

	private int length;

	/**
	 * The sequence of the first slot: the first held message when there is one, else the next sequence.
	 */
	long base() {
		return this.base;
	}

	/** One past the last slot. */
	long end() {
		return this.base + this.length;
	}

	@SuppressWarnings("unchecked")
	E get(long sequence) {
		if (sequence < this.base || sequence >= end()) {
			return null;
		}
		return (E) this.slots[slot(sequence)];
	}

	/**
	 * Puts an entry at its sequence, which must not be below {@link #end()}; slots between stay empty.
	 */
	void put(E entry) {
		long sequence = entry.sequence;
		if (sequence < end()) {
			throw new IllegalStateException("sequence " + sequence + " is not past " + (end() - 1));
		}
		if (this.length == 0) {
			this.base = sequence;
			this.head = 0;
		}
		long needed = sequence - this.base + 1;
		if (needed > this.slots.length) {
			grow(needed);
		}
		this.length = (int) needed;
		this.slots[slot(sequence)] = entry;
	}

	/**
	 * Empties a slot, moving the head past empty slots when it was the first.
	 * @return the entry that was there, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	E remove(long sequence) {
		if (sequence < this.base || sequence >= end()) {
			return null;
		}
		int slot = slot(sequence);
		E entry = (E) this.slots[slot];
		this.slots[slot] = null;
		if (sequence == this.base) {
			trimHead();
		}
		return entry;
	}

	/**
	 * Forgets every slot, the next put starting wherever it says.
	 * @param next the sequence {@link #base()} reports until then
	 */
	void clear(long next) {
		Arrays.fill(this.slots, null);
		this.base = next;
		this.head = 0;
		this.length = 0;
	}

	/** The first held sequence at or after {@code from}, or {@link #end()} when none. */
	long nextHeld(long from) {
		long sequence = Math.max(from, this.base);
		long end = end();
		while (sequence < end && this.slots[slot(sequence)] == null) {
			sequence++;
		}
		return sequence;
	}

	/** The last held sequence at or before {@code from}, or {@code base - 1} when none. */
	long previousHeld(long from) {
		long sequence = Math.min(from, end() - 1);
		while (sequence >= this.base && this.slots[slot(sequence)] == null) {
			sequence--;
		}
		return sequence;
	}

	private void trimHead() {
		while (this.length > 0 && this.slots[this.head] == null) {
			this.head = (this.head + 1) & (this.slots.length - 1);
			this.base++;
			this.length--;
		}
	}

	private int slot(long sequence) {
		return (int) ((this.head + (sequence - this.base)) & (this.slots.length - 1));
	}

	private void grow(long needed) {
		if (needed > (1 << 30)) {
			throw new IllegalStateException("more than 2^30 sequences between the first held and the last");
		}
		int capacity = Integer.highestOneBit((int) needed - 1) << 1;
		Object[] grown = new Object[capacity];
		for (int i = 0; i < this.length; i++) {
			grown[i] = this.slots[(this.head + i) & (this.slots.length - 1)];
		}
		this.slots = grown;
		this.head = 0;
	}
}
