package io.github.natsspring.broker.jetstream.store;

/**
 * A message as a store holds it: its own copy of the subject, headers and payload, the sequence the store gave
 * it and the time it was stored. The arrays are the store's copies handed out without copying again; they must
 * not be modified.
 */
public final class StoredMessage {

	private final long sequence;

	private final long timestamp;

	private final String subject;

	private final byte[] headers;

	private final byte[] payload;

	/**
	 * A stored message.
	 * @param sequence its sequence in the stream
	 * @param timestamp when it was stored, in nanoseconds since the epoch
	 * @param subject the subject it was published on
	 * @param headers the header block as published ({@code NATS/1.0\r\n…\r\n\r\n}), or {@code null} for none
	 * @param payload the payload, possibly empty
	 */
	public StoredMessage(long sequence, long timestamp, String subject, byte[] headers, byte[] payload) {
		this.sequence = sequence;
		this.timestamp = timestamp;
		this.subject = subject;
		this.headers = headers;
		this.payload = payload;
	}

	/**
	 * The sequence.
	 * @return the message's sequence in the stream, from 1
	 */
	public long sequence() {
		return this.sequence;
	}

	/**
	 * The time the message was stored.
	 * @return nanoseconds since the epoch
	 */
	public long timestamp() {
		return this.timestamp;
	}

	/**
	 * The subject.
	 * @return the subject the message was published on
	 */
	public String subject() {
		return this.subject;
	}

	/**
	 * The header block.
	 * @return the headers as published, or {@code null} for a message without headers; not to be modified
	 */
	public byte[] headers() {
		return this.headers;
	}

	/**
	 * The payload.
	 * @return the payload, possibly empty; not to be modified
	 */
	public byte[] payload() {
		return this.payload;
	}

	@Override
	public String toString() {
		return "StoredMessage[seq=" + this.sequence + ", subject=" + this.subject + ", headers="
				+ (this.headers == null ? 0 : this.headers.length) + "B, payload=" + this.payload.length + "B]";
	}
}
