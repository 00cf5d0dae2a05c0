package io.github.natsspring.core;

import java.time.Duration;

/** Thrown when a request has responders but no reply arrives in time. */
public class NatsRequestTimeoutException extends NatsRequestException {

	private final Duration timeout;

	public NatsRequestTimeoutException(String subject, Duration timeout) {
		super(subject, "No reply within " + timeout + " for request on subject '" + subject + "'");
		this.timeout = timeout;
	}

	/** How long the request waited. */
	public Duration getTimeout() {
		return this.timeout;
	}
}
