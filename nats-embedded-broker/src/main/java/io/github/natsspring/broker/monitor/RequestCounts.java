package io.github.natsspring.broker.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many requests each endpoint served, as {@code /varz}'s {@code http_req_stats} shows them. */
final class RequestCounts {

	private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();

	void count(String path) {
		this.byPath.computeIfAbsent(path, (key) -> new LongAdder()).increment();
	}

	/** The counts, by path in Go's map order (sorted). */
	Map<String, Long> snapshot() {
		Map<String, Long> sorted = new TreeMap<>();
		this.byPath.forEach((path, count) -> sorted.put(path, count.sum()));
		return sorted;
	}
}
