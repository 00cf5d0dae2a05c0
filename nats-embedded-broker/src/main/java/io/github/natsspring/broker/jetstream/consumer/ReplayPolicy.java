package io.github.natsspring.broker.jetstream.consumer;

/**
 * How fast a consumer delivers what the stream already holds ({@code replay_policy}).
 */
public enum ReplayPolicy {

	/** As fast as the consumer can take it ({@code "instant"}, the default). */
	INSTANT("instant"),

	/** With the time between messages they were stored with ({@code "original"}). */
	ORIGINAL("original");

	private final String jsonName;

	ReplayPolicy(String jsonName) {
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
	 * The policy a JSON name stands for.
	 * @param name the name
	 * @return the policy, or {@code null} for an unknown name
	 */
	public static ReplayPolicy fromJsonName(String name) {
		for (ReplayPolicy policy : values()) {
			if (policy.jsonName.equals(name)) {
				return policy;
			}
		}
		return null;
	}
}
