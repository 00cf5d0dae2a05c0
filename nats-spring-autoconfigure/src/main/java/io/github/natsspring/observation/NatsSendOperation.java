package io.github.natsspring.observation;

/**
 * What an observed send does, named as the {@code messaging.operation.name} tag reports it. Every one is of the
 * OpenTelemetry operation type {@code send}.
 */
public enum NatsSendOperation {

	/** A message published to a subject, nothing awaited. */
	PUBLISH("publish"),

	/** A request published to a subject; the observation ends when the reply arrives or the request fails. */
	REQUEST("request"),

	/** A listener's reply, published to the reply-to subject of the message it handled. */
	REPLY("reply");

	private final String operationName;

	NatsSendOperation(String operationName) {
		this.operationName = operationName;
	}

	/**
	 * The value of the {@code messaging.operation.name} tag.
	 * @return the operation name
	 */
	public String operationName() {
		return this.operationName;
	}
}
