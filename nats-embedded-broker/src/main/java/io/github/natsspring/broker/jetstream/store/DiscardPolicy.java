package io.github.natsspring.broker.jetstream.store;

/**
 * What a store does when a new message would take it past its message or byte limit, as a stream's
 * {@code discard} setting says.
 */
public enum DiscardPolicy {

	/** Remove the oldest messages to make room: nats-server's default, {@code "old"}. */
	OLD,

	/** Refuse the new message, {@code "new"}; the per-subject limit still removes the subject's oldest message. */
	NEW
}
