package io.github.natsspring.broker.connection;

/**
 * Traffic and liveness figures of one connection, kept as plain fields by the threads that already own the
 * state they describe: inbound figures and round-trip times by the connection's event loop, outbound figures
 * under the connection's outbound lock by the delivering threads. Monitoring reads them without
 * synchronisation, so a figure may be a moment old; the message path pays no atomic operation for them.
 */
public final class ConnectionStatistics {

	private final long startMillis = System.currentTimeMillis();

	private long inMessages;

	private long inBytes;

	private long outMessages;

	private long outBytes;

	private long lastActivityMillis = this.startMillis;

	private long pingSentNanos;

	private long roundTripNanos = -1;

	/**
	 * Counts a message received.
	 * @param bytes its size
	 */
	public void messageIn(int bytes) {
		this.inMessages++;
		this.inBytes += bytes;
	}

	/**
	 * Counts a message sent.
	 * @param bytes its size
	 */
	public void messageOut(int bytes) {
		this.outMessages++;
		this.outBytes += bytes;
	}

	void active(long nowMillis) {
		this.lastActivityMillis = nowMillis;
	}

	/**
	 * Notes when a PING went out, to measure the round trip.
	 * @param nowNanos {@link System#nanoTime()}
	 */
	public void pingSent(long nowNanos) {
		this.pingSentNanos = nowNanos;
	}

	/**
	 * Measures the round trip when the PONG comes back.
	 * @param nowNanos {@link System#nanoTime()}
	 */
	public void pongReceived(long nowNanos) {
		if (this.pingSentNanos != 0) {
			this.roundTripNanos = nowNanos - this.pingSentNanos;
			this.pingSentNanos = 0;
		}
	}

	/**
	 * When the connection was accepted.
	 * @return epoch milliseconds
	 */
	public long startMillis() {
		return this.startMillis;
	}

	/**
	 * Messages the connection published.
	 * @return the count
	 */
	public long inMessages() {
		return this.inMessages;
	}

	/**
	 * Payload bytes (headers included) the connection published.
	 * @return the byte count
	 */
	public long inBytes() {
		return this.inBytes;
	}

	/**
	 * Messages delivered to the connection.
	 * @return the count
	 */
	public long outMessages() {
		return this.outMessages;
	}

	/**
	 * Payload bytes (headers included) delivered to the connection.
	 * @return the byte count
	 */
	public long outBytes() {
		return this.outBytes;
	}

	/**
	 * When the connection last sent something.
	 * @return epoch milliseconds
	 */
	public long lastActivityMillis() {
		return this.lastActivityMillis;
	}

	/**
	 * The round trip of the server's last answered PING.
	 * @return nanoseconds, or -1 before the first PONG
	 */
	public long roundTripNanos() {
		return this.roundTripNanos;
	}
}
