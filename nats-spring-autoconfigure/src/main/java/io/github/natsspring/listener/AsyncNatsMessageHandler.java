package io.github.natsspring.listener;

import java.util.concurrent.CompletableFuture;

import io.nats.client.MessageHandler;

/**
 * A {@link MessageHandler} that may still be working on a message after {@code onMessage} returned, for
 * example to send the reply of an asynchronous result. A draining {@link NatsListenerContainer} waits for
 * that work too.
 */
public interface AsyncNatsMessageHandler extends MessageHandler {

	/**
	 * The work still running for messages already passed to {@code onMessage}.
	 * @return a future completing when that work is done; never completes exceptionally
	 */
	CompletableFuture<Void> pendingWork();
}
