package io.github.natsspring.broker.jetstream.consumer;

/**
 * The reply subject of a delivery, which the client acks to, in nats-server 2.9's 9-token form
 * {@code $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<timestamp>.<pending>}.
 *
 * @param stream the stream's name
 * @param consumer the consumer's name
 * @param deliveryCount how often the message has been delivered, from 1
 * @param streamSequence the message's stream sequence
 * @param consumerSequence the delivery's consumer sequence
 * @param timestamp when the message was stored, in nanoseconds since the epoch
 * @param pending how many messages the consumer has left to deliver after this one
 */
public record AckSubject(String stream, String consumer, long deliveryCount, long streamSequence,
		long consumerSequence, long timestamp, long pending) {

	/** What every ack subject starts with. */
	public static final String PREFIX = "$JS.ACK.";

	private static final int TOKENS = 9;

	/**
	 * The subject a consumer's acks arrive on: {@code $JS.ACK.<stream>.<consumer>.>}.
	 * @param stream the stream's name
	 * @param consumer the consumer's name
	 * @return the wildcard subject to subscribe to
	 */
	public static String wildcard(String stream, String consumer) {
		return PREFIX + stream + "." + consumer + ".>";
	}

	/**
	 * Reads an ack subject.
	 * @param subject the subject an ack was published to
	 * @return its fields, or {@code null} when it is not a 9-token ack subject with numbers where numbers belong
	 */
	public static AckSubject parse(String subject) {
		if (!subject.startsWith(PREFIX)) {
			return null;
		}
		String[] tokens = new String[TOKENS];
		int count = 0;
		int start = 0;
		for (int i = 0; i <= subject.length(); i++) {
			if (i == subject.length() || subject.charAt(i) == '.') {
				if (count == TOKENS) {
					return null;
				}
				tokens[count++] = subject.substring(start, i);
				start = i + 1;
			}
		}
		if (count != TOKENS) {
			return null;
		}
		long[] numbers = new long[5];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = number(tokens[4 + i]);
			if (numbers[i] < 0) {
				return null;
			}
		}
		return new AckSubject(tokens[2], tokens[3], numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
	}

	/**
	 * The subject text.
	 * @return the 9-token ack subject
	 */
	public String format() {
		return PREFIX + this.stream + '.' + this.consumer + '.' + this.deliveryCount + '.' + this.streamSequence + '.'
				+ this.consumerSequence + '.' + this.timestamp + '.' + this.pending;
	}

	private static long number(String token) {
		if (token.isEmpty() || token.length() > 19) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}
}
