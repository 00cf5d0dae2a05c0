package io.github.natsspring.bench.starter;

/**
 * Releases what a scenario opened for one run.
 */
@FunctionalInterface
interface Closer {

	/** Nothing to release. */
	Closer NONE = () -> {
	};

	void close() throws InterruptedException;

}
