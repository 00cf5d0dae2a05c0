package io.github.natsspring.jetstream.listener;

/**
 * Who acknowledges the messages of a JetStream listener.
 */
public enum AckMode {

	/**
	 * The container: it acknowledges a message when the method returns, and naks it when the method throws (with
	 * the listener's backoff as delay), so that it is delivered again until {@code maxDeliver} is reached.
	 */
	AUTO,

	/**
	 * The method, through the jnats {@code Message} argument ({@code ack()}, {@code nak()}, {@code term()},
	 * {@code inProgress()}). A message it leaves unacknowledged is delivered again once the consumer's ack wait
	 * has passed.
	 */
	MANUAL
}
