package io.github.natsspring.broker.leak;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;

/** Collects garbage until every weak reference cleared by the collection is on its reference queue. */
final class FullGarbageCollection {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final long RETRY_MILLIS = 100;

	private FullGarbageCollection() {
	}

	/**
	 * Runs two collections. The JDK enqueues the references one collection cleared before it takes those of
	 * the next, so once the second collection's sentinel is enqueued, all of the first's are too.
	 */
	static void run() throws InterruptedException {
		collectUntilSentinelEnqueued();
		collectUntilSentinelEnqueued();
	}

	private static void collectUntilSentinelEnqueued() throws InterruptedException {
		ReferenceQueue<Object> queue = new ReferenceQueue<>();
		WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		boolean enqueued = false;
		try {
			while (!enqueued && System.nanoTime() < deadline) {
				System.gc();
				enqueued = queue.remove(RETRY_MILLIS) != null;
			}
		}
		finally {
			// A reference object that is itself unreachable is never enqueued.
			Reference.reachabilityFence(sentinel);
		}
		if (!enqueued) {
			throw new IllegalStateException("System.gc() did not collect an unreachable object within " + PATIENCE
					+ "; is -XX:+DisableExplicitGC set?");
		}
	}
}
