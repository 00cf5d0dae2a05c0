package io.github.natsspring.broker.jetstream.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The API's {@code total} and {@code errors} counts, as account info and {@code /jsz} report them.
 */
public final class ApiCounters {

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	void request() {
		this.total.incrementAndGet();
	}

	void error() {
		this.errors.incrementAndGet();
	}

	/**
	 * Requests handled.
	 * @return the count since start
	 */
	public long total() {
		return this.total.get();
	}

	/**
	 * Requests answered with an error.
	 * @return the count since start
	 */
	public long errors() {
		return this.errors.get();
	}
}
