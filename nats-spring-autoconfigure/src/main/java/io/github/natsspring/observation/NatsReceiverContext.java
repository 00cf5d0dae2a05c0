package io.github.natsspring.observation;

import java.util.Objects;

import io.micrometer.observation.transport.ReceiverContext;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of a message a listener handles. Its carrier is the jnats {@link Message}: a tracing
 * handler reads the sender's trace context from its headers, so the listener's span continues the sender's trace.
 */
public class NatsReceiverContext extends ReceiverContext<Message> {

	private final String listenerId;

	private final String subscribedSubject;

	private final @Nullable String queue;

	/**
	 * Creates a context.
	 * @param message the message received
	 * @param listenerId the id of the listener handling it
	 * @param subscribedSubject the subject the listener subscribed to (a wildcard, possibly), not the message's
	 * @param queue the listener's queue group, or {@code null} when it has none
	 */
	public NatsReceiverContext(Message message, String listenerId, String subscribedSubject, @Nullable String queue) {
		super(NatsReceiverContext::header);
		setCarrier(Objects.requireNonNull(message, "message"));
		setRemoteServiceName("nats");
		this.listenerId = Objects.requireNonNull(listenerId, "listenerId");
		this.subscribedSubject = Objects.requireNonNull(subscribedSubject, "subscribedSubject");
		this.queue = queue;
	}

	private static @Nullable String header(Message message, String key) {
		Headers headers = message.getHeaders();
		return (headers != null) ? headers.getFirst(key) : null;
	}

	/**
	 * The message received.
	 * @return the message
	 */
	public Message getMessage() {
		return Objects.requireNonNull(getCarrier());
	}

	/**
	 * The id of the listener handling the message.
	 * @return the listener id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * The subject the listener subscribed to and received the message through.
	 * @return the subscribed subject
	 */
	public String getSubscribedSubject() {
		return this.subscribedSubject;
	}

	/**
	 * The listener's queue group.
	 * @return the queue group, or {@code null} when it has none
	 */
	public @Nullable String getQueue() {
		return this.queue;
	}
}
