package io.github.natsspring.broker.jetstream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code Nats-Msg-Id}s a stream saw within its duplicate window, with the sequence each was stored as.
 * Confined to the stream's executor.
 */
final class DedupeWindow {

	private final Map<String, Long> sequences = new HashMap<>();

	private final ArrayDeque<Entry> byAge = new ArrayDeque<>();

	private long windowNanos;

	DedupeWindow(Duration window) {
		this.windowNanos = window.toNanos();
	}

	void setWindow(Duration window) {
		this.windowNanos = window.toNanos();
	}

	/** The sequence a message id was stored as within the window, or -1. */
	long find(String msgId, long now) {
		expire(now);
		Long sequence = this.sequences.get(msgId);
		return (sequence != null) ? sequence : -1;
	}

	void add(String msgId, long sequence, long timestamp) {
		if (this.windowNanos <= 0) {
			return;
		}
		this.sequences.put(msgId, sequence);
		this.byAge.addLast(new Entry(msgId, sequence, timestamp));
	}

	private void expire(long now) {
		long oldest = now - this.windowNanos;
		Entry entry;
		while ((entry = this.byAge.peekFirst()) != null && entry.timestamp < oldest) {
			this.byAge.removeFirst();
			this.sequences.remove(entry.msgId, entry.sequence);
		}
	}

	int size() {
		return this.sequences.size();
	}

	private record Entry(String msgId, long sequence, long timestamp) {
	}
}
