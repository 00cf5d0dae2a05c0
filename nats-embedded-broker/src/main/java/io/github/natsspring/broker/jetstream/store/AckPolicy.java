package io.github.natsspring.broker.jetstream.store;

/**
 * How a consumer acknowledges, which decides what its state keeps ({@code ack_policy}).
 */
public enum AckPolicy {

	/** Nothing is acknowledged; delivery moves the ack floor ({@code "none"}). */
	NONE,

	/** An ack covers every earlier delivery ({@code "all"}). */
	ALL,

	/** Each delivery is acknowledged on its own ({@code "explicit"}). */
	EXPLICIT
}
