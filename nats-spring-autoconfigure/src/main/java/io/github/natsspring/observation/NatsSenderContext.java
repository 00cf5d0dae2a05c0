package io.github.natsspring.observation;

import java.util.Objects;

import io.micrometer.observation.transport.SenderContext;
import io.nats.client.impl.Headers;

/**
 * The observation context of a message being sent. Its carrier is the message's {@link Headers}: a tracing
 * handler writes the trace context ({@code traceparent}, {@code tracestate}) into them before the message is
 * published.
 */
public class NatsSenderContext extends SenderContext<Headers> {

	private final String subject;

	private final NatsSendOperation operation;

	/**
	 * Creates a context.
	 * @param headers the headers of the message to send, writable; trace context is added to them
	 * @param subject the subject the message is published to
	 * @param operation what the send does
	 */
	public NatsSenderContext(Headers headers, String subject, NatsSendOperation operation) {
		super((carrier, key, value) -> Objects.requireNonNull(carrier, "carrier").put(key, value));
		setCarrier(Objects.requireNonNull(headers, "headers"));
		setRemoteServiceName("nats");
		this.subject = Objects.requireNonNull(subject, "subject");
		this.operation = Objects.requireNonNull(operation, "operation");
	}

	/**
	 * The subject the message is published to; for a {@link NatsSendOperation#REPLY reply} that is an inbox,
	 * which the default conventions never use as a tag.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * What the send does.
	 * @return the operation
	 */
	public NatsSendOperation getOperation() {
		return this.operation;
	}
}
