package io.github.natsspring.core;

/**
 * Header names used on the wire and in Spring {@code Message} headers.
 */
public final class NatsHeaders {

	/** NATS service-error header: the text of an error a responder reports instead of a result. */
	public static final String SERVICE_ERROR = "Nats-Service-Error";

	/** NATS service-error header: the numeric code of that error (e.g. 500). */
	public static final String SERVICE_ERROR_CODE = "Nats-Service-Error-Code";

	/** Content type of the payload, e.g. {@code application/json}. */
	public static final String CONTENT_TYPE = "Content-Type";

	/** Spring message header holding the subject the message was published to. */
	public static final String SUBJECT = "nats_subject";

	/** Spring message header holding the reply-to subject, when the message is a request. */
	public static final String REPLY_TO = "nats_replyTo";

	private NatsHeaders() {
	}
}
