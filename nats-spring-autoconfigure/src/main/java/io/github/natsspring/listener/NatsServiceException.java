package io.github.natsspring.listener;

/**
 * Thrown by a listener method to answer a request with a service error of a chosen code, sent to the
 * requester in the {@code Nats-Service-Error-Code} header with the message in {@code Nats-Service-Error}.
 * Other exceptions are answered with code 500, or 400 when the request could not be turned into the
 * method's arguments (an unreadable or invalid payload).
 */
public class NatsServiceException extends RuntimeException {

	private final int code;

	/**
	 * Creates an exception reported to the requester with the given code.
	 * @param code the error code, e.g. 400 or 404
	 * @param message the error text sent to the requester
	 */
	public NatsServiceException(int code, String message) {
		super(message);
		this.code = code;
	}

	/**
	 * Creates an exception reported to the requester with the given code and a cause kept locally.
	 * @param code the error code, e.g. 400 or 404
	 * @param message the error text sent to the requester
	 * @param cause the underlying failure, passed to the error handler but not sent
	 */
	public NatsServiceException(int code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/**
	 * The code sent in the {@code Nats-Service-Error-Code} header.
	 * @return the error code
	 */
	public int getCode() {
		return this.code;
	}
}
