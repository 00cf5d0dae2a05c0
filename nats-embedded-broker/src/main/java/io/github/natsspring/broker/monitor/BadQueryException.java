package io.github.natsspring.broker.monitor;

/**
 * A query value an endpoint cannot use; answered with {@code 400 Bad Request} and this message as the body, as
 * nats-server answers it.
 */
final class BadQueryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	BadQueryException(String message) {
		super(message);
	}
}
