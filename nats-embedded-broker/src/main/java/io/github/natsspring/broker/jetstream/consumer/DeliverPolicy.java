package io.github.natsspring.broker.jetstream.consumer;

/**
 * Where a new consumer starts in its stream ({@code deliver_policy}).
 */
public enum DeliverPolicy {

	/** From the first message held ({@code "all"}, the default). */
	ALL("all"),

	/** From the last message, or the last one matching the filter ({@code "last"}). */
	LAST("last"),

	/** Only messages stored after the consumer was created ({@code "new"}). */
	NEW("new"),

	/** From {@code opt_start_seq} ({@code "by_start_sequence"}). */
	BY_START_SEQUENCE("by_start_sequence"),

	/** From the first message stored at or after {@code opt_start_time} ({@code "by_start_time"}). */
	BY_START_TIME("by_start_time"),

	/** The last message of every subject the filter matches, then everything new ({@code "last_per_subject"}). */
	LAST_PER_SUBJECT("last_per_subject");

	private final String jsonName;

	DeliverPolicy(String jsonName) {
		this.jsonName = jsonName;
	}

	/**
	 * The name in the consumer configuration's JSON.
	 * @return the name
	 */
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * The policy a JSON name stands for; nats-server also takes {@code "undefined"} for {@link #ALL}.
	 * @param name the name
	 * @return the policy, or {@code null} for an unknown name
	 */
	public static DeliverPolicy fromJsonName(String name) {
		if ("undefined".equals(name)) {
			return ALL;
		}
		for (DeliverPolicy policy : values()) {
			if (policy.jsonName.equals(name)) {
				return policy;
			}
		}
		return null;
	}
}
