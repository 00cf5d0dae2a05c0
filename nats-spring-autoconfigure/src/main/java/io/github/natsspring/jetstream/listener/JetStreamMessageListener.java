package io.github.natsspring.jetstream.listener;

import io.nats.client.Message;

/**
 * Handles one message a JetStream listener container fetched. Returning means handled; throwing means failed.
 */
@FunctionalInterface
public interface JetStreamMessageListener {

	/**
	 * Handles a message.
	 * @param message the message, with its JetStream metadata
	 * @throws Exception when handling failed
	 */
	void onMessage(Message message) throws Exception;
}
