package io.github.natsspring.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces a publisher against a delivery count: keeps it within a window of the deliveries, and waits for the
 * last delivery at the end of a run.
 */
public final class Deliveries {

	private static final long POLL_NANOS = 50_000;

	private static final Duration STALL_LIMIT = Duration.ofSeconds(5);

	private Deliveries() {
	}

	/**
	 * Waits while more than {@code window} deliveries are outstanding, or until the deadline.
	 * @param delivered the delivery count so far
	 * @param due the deliveries the messages published so far must produce
	 * @param window the most deliveries allowed to be outstanding
	 * @param deadline the {@link System#nanoTime()} after which the run stops anyway
	 */
	public static void awaitWindow(LongSupplier delivered, long due, long window, long deadline) {
		while (due - delivered.getAsLong() > window && System.nanoTime() - deadline < 0) {
			LockSupport.parkNanos(POLL_NANOS);
		}
	}

	/**
	 * Waits until every due delivery arrived, or until deliveries stop progressing for 5 seconds.
	 * @param delivered the delivery count so far
	 * @param expected the deliveries due
	 * @return the {@link System#nanoTime()} at which the last delivery was seen
	 */
	public static long awaitAll(LongSupplier delivered, long expected) {
		long lastCount = delivered.getAsLong();
		long lastProgress = System.nanoTime();
		while (true) {
			long now = System.nanoTime();
			long count = delivered.getAsLong();
			if (count >= expected) {
				return now;
			}
			if (count != lastCount) {
				lastCount = count;
				lastProgress = now;
			}
			else if (now - lastProgress > STALL_LIMIT.toNanos()) {
				return lastProgress;
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
	}

}
