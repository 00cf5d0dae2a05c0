package io.github.natsspring.core;

/**
 * Thrown at once when the server reports that nothing subscribes to the subject of a request (status 503),
 * instead of waiting for the timeout.
 */
public class NatsNoRespondersException extends NatsRequestException {

	public NatsNoRespondersException(String subject) {
		super(subject, "No responders for request on subject '" + subject + "'");
	}
}
