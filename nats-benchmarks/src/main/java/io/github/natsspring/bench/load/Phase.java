package io.github.natsspring.bench.load;

/**
 * Whether a run counts: warm-up runs let both servers (and the client JIT) settle and are discarded.
 */
public enum Phase {

	/** A shorter run whose figures are discarded. */
	WARM_UP,

	/** A full-size run whose figures enter the report. */
	MEASURED

}
