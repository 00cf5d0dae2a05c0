package io.github.natsspring.broker;

/** Thrown when a broker cannot start or is used in a state that does not allow it. */
public class NatsBrokerException extends RuntimeException {

	public NatsBrokerException(String message) {
		super(message);
	}

	public NatsBrokerException(String message, Throwable cause) {
		super(message, cause);
	}
}
