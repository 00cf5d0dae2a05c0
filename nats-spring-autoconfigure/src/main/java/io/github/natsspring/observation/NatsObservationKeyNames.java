package io.github.natsspring.observation;

import io.micrometer.common.docs.KeyName;

/**
 * The tags of NATS observations, named after the OpenTelemetry messaging conventions where those have a name.
 * All are low cardinality: no message subject (which may carry ids) and no reply inbox is ever a tag value.
 */
public enum NatsObservationKeyNames implements KeyName {

	/** Always {@code nats}. */
	MESSAGING_SYSTEM("messaging.system"),

	/** {@code publish}, {@code request}, {@code reply} for sends; {@code process} for a listener's handling. */
	MESSAGING_OPERATION_NAME("messaging.operation.name"),

	/** The OpenTelemetry operation type: {@code send} or {@code process}. */
	MESSAGING_OPERATION_TYPE("messaging.operation.type"),

	/**
	 * The subject a template sends to; the subject a listener subscribed to (wildcards as written); for a reply
	 * to a reply-to inbox {@code (temporary)}.
	 */
	MESSAGING_DESTINATION_NAME("messaging.destination.name"),

	/** For a listener's results: {@code true} when sent to the reply-to inbox, {@code false} for {@code @SendTo}. */
	MESSAGING_DESTINATION_TEMPORARY("messaging.destination.temporary"),

	/** The listener's queue group, or {@code none}. */
	MESSAGING_CONSUMER_GROUP_NAME("messaging.consumer.group.name"),

	/** The listener's id. */
	LISTENER_ID("nats.listener.id");

	private final String name;

	NatsObservationKeyNames(String name) {
		this.name = name;
	}

	@Override
	public String asString() {
		return this.name;
	}
}
