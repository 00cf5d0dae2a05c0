package io.github.natsspring.jetstream;

/**
 * Headers JetStream listeners add to the messages they publish to a dead-letter subject, next to the original
 * message's own headers.
 */
public final class JetStreamHeaders {

	/** The error of the last delivery: the exception's message, or its class name when it has none. */
	public static final String DEAD_LETTER_ERROR = "Dead-Letter-Error";

	/** The class of the exception of the last delivery. */
	public static final String DEAD_LETTER_EXCEPTION = "Dead-Letter-Exception";

	/** The subject the message was published to. */
	public static final String DEAD_LETTER_SUBJECT = "Dead-Letter-Subject";

	/** The stream the message was consumed from. */
	public static final String DEAD_LETTER_STREAM = "Dead-Letter-Stream";

	/** The sequence of the message in that stream. */
	public static final String DEAD_LETTER_SEQUENCE = "Dead-Letter-Sequence";

	/** How often the message was delivered. */
	public static final String DEAD_LETTER_DELIVERIES = "Dead-Letter-Deliveries";

	private JetStreamHeaders() {
	}
}
