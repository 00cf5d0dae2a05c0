package io.github.natsspring.bench.load;

/**
 * The shape of a throughput load: payload size and how many subscribers receive each message.
 *
 * @param name the scenario name shown in the report
 * @param payloadBytes the payload size of every message
 * @param subscribers the number of subscribing connections, 0 for publish-only
 * @param queueGroup the queue group the subscribers join, or {@code null} so each gets every message
 */
public record ThroughputShape(String name, int payloadBytes, int subscribers, String queueGroup) {

	private static final long WINDOW_BYTES = 8L * 1024 * 1024;

	private static final long MAX_WINDOW_MESSAGES = 100_000;

	/**
	 * A publisher with nobody subscribed: measures how fast the server reads and discards.
	 * @param payloadBytes the payload size
	 * @return the shape
	 */
	public static ThroughputShape publishOnly(int payloadBytes) {
		return new ThroughputShape("publish only, " + size(payloadBytes), payloadBytes, 0, null);
	}

	/**
	 * One publisher, one subscriber.
	 * @param payloadBytes the payload size
	 * @return the shape
	 */
	public static ThroughputShape pubSub(int payloadBytes) {
		return new ThroughputShape("pub/sub 1:1, " + size(payloadBytes), payloadBytes, 1, null);
	}

	/**
	 * One publisher, every message delivered to each of several subscribers.
	 * @param payloadBytes the payload size
	 * @param subscribers the number of subscribers
	 * @return the shape
	 */
	public static ThroughputShape fanOut(int payloadBytes, int subscribers) {
		return new ThroughputShape("fan-out 1→" + subscribers + ", " + size(payloadBytes), payloadBytes,
				subscribers, null);
	}

	/**
	 * One publisher, each message delivered to one of several workers in a queue group.
	 * @param payloadBytes the payload size
	 * @param workers the number of queue subscribers
	 * @return the shape
	 */
	public static ThroughputShape queueGroup(int payloadBytes, int workers) {
		return new ThroughputShape("queue group 1→" + workers + ", " + size(payloadBytes), payloadBytes, workers,
				"workers");
	}

	/**
	 * Returns how many deliveries one published message must produce.
	 * @return 0 for publish-only, 1 for a queue group, else the subscriber count
	 */
	public int deliveriesPerMessage() {
		if (this.subscribers == 0) {
			return 0;
		}
		return (this.queueGroup != null) ? 1 : this.subscribers;
	}

	/**
	 * Returns how many messages a publisher may run ahead of the deliveries: small enough (8 MB or 100,000
	 * messages) that no slow-consumer limit is ever hit, so every published message must arrive.
	 * @return the window in messages
	 */
	public long publisherWindow() {
		return Math.min(MAX_WINDOW_MESSAGES, WINDOW_BYTES / Math.max(1, this.payloadBytes));
	}

	private static String size(int bytes) {
		return (bytes >= 1024 && bytes % 1024 == 0) ? (bytes / 1024) + " KB" : bytes + " B";
	}

}
