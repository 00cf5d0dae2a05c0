package io.github.natsspring.listener;

import java.util.concurrent.CompletableFuture;

import org.springframework.context.Lifecycle;

/**
 * The running side of one listener, whatever it listens to: core NATS subscriptions
 * ({@link NatsListenerContainer}) or a JetStream consumer.
 */
public interface MessageListenerContainer extends Lifecycle {

	/**
	 * The listener id, unique among the listeners of the application.
	 * @return the id
	 */
	String getId();

	/**
	 * Whether the registry starts this container with the application context.
	 * @return the flag
	 */
	boolean isAutoStartup();

	/**
	 * Stops taking new messages and lets those already received be handled.
	 * @return a future completing when they are, or when the container's drain timeout has passed
	 */
	CompletableFuture<Void> drain();
}
