package io.github.natsspring.listener;

import io.nats.client.Message;

/**
 * Told about every failure of a listener: a method that threw, an argument that could not be resolved, a
 * reply that could not be sent. Runs on the listener's dispatcher thread (or the thread completing an
 * asynchronous result), after the error reply has been sent to a requester.
 */
@FunctionalInterface
public interface NatsListenerErrorHandler {

	/**
	 * Handles a listener failure.
	 * @param listenerId the id of the failed listener
	 * @param message the message being handled
	 * @param error the failure
	 */
	void handleError(String listenerId, Message message, Throwable error);
}
