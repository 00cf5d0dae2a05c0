package io.github.natsspring.listener;

import java.util.List;

import io.nats.client.MessageHandler;
import org.jspecify.annotations.Nullable;

/**
 * The model of one listener: where it subscribes and how it handles messages. A
 * {@link NatsListenerContainerFactory} turns it into a running {@link NatsListenerContainer}.
 */
public interface NatsListenerEndpoint {

	/**
	 * The unique id of the listener.
	 * @return the id
	 */
	String getId();

	/**
	 * The subjects to subscribe to, each valid by {@link NatsSubjectSyntax}.
	 * @return the subjects, never empty
	 */
	List<String> getSubjects();

	/**
	 * The queue group of the subscriptions.
	 * @return the queue group, or {@code null} for plain subscriptions
	 */
	@Nullable String getQueue();

	/**
	 * The number of subscriptions sharing the queue group.
	 * @return the concurrency, or {@code null} for the container factory's default
	 */
	@Nullable Integer getConcurrency();

	/**
	 * Whether the listener starts with the application context.
	 * @return the flag, or {@code null} for the container factory's default
	 */
	@Nullable Boolean getAutoStartup();

	/**
	 * Creates the handler the container's dispatchers call for each message.
	 * @param registrar the registrar holding the shared handler infrastructure
	 * @return the message handler
	 */
	MessageHandler createMessageHandler(NatsListenerEndpointRegistrar registrar);
}
