package io.github.natsspring.jetstream;

import io.nats.client.JetStreamApiException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a JetStream operation fails: the server answered with an API error (its {@code err_code} and
 * description are kept), or no answer came in time.
 */
public class NatsJetStreamException extends RuntimeException {

	private final int apiErrorCode;

	private final @Nullable String errorDescription;

	/**
	 * Creates an exception for a failure without an API error, such as a timeout.
	 * @param message the message
	 * @param cause the cause
	 */
	public NatsJetStreamException(String message, Throwable cause) {
		super(message, cause);
		this.apiErrorCode = -1;
		this.errorDescription = null;
	}

	/**
	 * Creates an exception for an API error of the server.
	 * @param message the message, to which the server's description and error code are appended
	 * @param cause the jnats exception holding the server's error
	 */
	public NatsJetStreamException(String message, JetStreamApiException cause) {
		super(message + ": " + cause.getErrorDescription() + " (err_code " + cause.getApiErrorCode() + ")", cause);
		this.apiErrorCode = cause.getApiErrorCode();
		this.errorDescription = cause.getErrorDescription();
	}

	/**
	 * The JetStream error code of the server ({@code err_code}, e.g. 10071 for a wrong last sequence).
	 * @return the code, or -1 when the failure was not an API error
	 */
	public int getApiErrorCode() {
		return this.apiErrorCode;
	}

	/**
	 * The server's description of the error.
	 * @return the description, or {@code null} when the failure was not an API error
	 */
	public @Nullable String getErrorDescription() {
		return this.errorDescription;
	}
}
