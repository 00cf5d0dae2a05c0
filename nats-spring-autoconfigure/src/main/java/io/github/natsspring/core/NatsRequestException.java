package io.github.natsspring.core;

/** Thrown when a request gets no usable reply. Subclasses say why. */
public class NatsRequestException extends RuntimeException {

	private final String subject;

	public NatsRequestException(String subject, String message) {
		super(message);
		this.subject = subject;
	}

	public NatsRequestException(String subject, String message, Throwable cause) {
		super(message, cause);
		this.subject = subject;
	}

	/** The subject the request was sent to. */
	public String getSubject() {
		return this.subject;
	}
}
