package io.github.natsspring.core;

/** Thrown when a payload cannot be written from or read into an object. */
public class NatsConversionException extends RuntimeException {

	public NatsConversionException(String message, Throwable cause) {
		super(message, cause);
	}
}
