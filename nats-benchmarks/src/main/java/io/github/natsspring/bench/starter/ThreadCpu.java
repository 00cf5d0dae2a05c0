package io.github.natsspring.bench.starter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of a fixed set of this JVM's threads, e.g. a publisher and its connection's threads, so that their
 * share can be taken out of the process's CPU time.
 */
final class ThreadCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Map<Long, Long> start;

	private ThreadCpu(Set<Long> threadIds) {
		this.start = read(threadIds);
	}

	/** Starts measuring the given threads. */
	static ThreadCpu of(Set<Long> threadIds) {
		return new ThreadCpu(threadIds);
	}

	/** The ids of all threads alive now. */
	static Set<Long> liveThreadIds() {
		Set<Long> ids = new HashSet<>();
		for (long id : THREADS.getAllThreadIds()) {
			ids.add(id);
		}
		return ids;
	}

	/** CPU nanoseconds the threads used since the start. */
	long elapsedNanos() {
		long total = 0;
		for (Map.Entry<Long, Long> now : read(this.start.keySet()).entrySet()) {
			total += now.getValue() - this.start.get(now.getKey());
		}
		return total;
	}

	private static Map<Long, Long> read(Set<Long> threadIds) {
		Map<Long, Long> cpu = new HashMap<>();
		for (long id : threadIds) {
			long nanos = THREADS.getThreadCpuTime(id);
			if (nanos >= 0) {
				cpu.put(id, nanos);
			}
		}
		return cpu;
	}

}
