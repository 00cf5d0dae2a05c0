package io.github.natsspring.core;

/**
 * Thrown when the responder answered with an error instead of a result: a reply carrying the
 * {@value NatsHeaders#SERVICE_ERROR} and {@value NatsHeaders#SERVICE_ERROR_CODE} headers.
 */
public class NatsServiceErrorException extends NatsRequestException {

	private final int code;

	private final String description;

	public NatsServiceErrorException(String subject, int code, String description) {
		super(subject, "Responder on subject '" + subject + "' failed with " + code + ": " + description);
		this.code = code;
		this.description = description;
	}

	/** The error code the responder sent, e.g. 500. */
	public int getCode() {
		return this.code;
	}

	/** The error text the responder sent. */
	public String getDescription() {
		return this.description;
	}
}
