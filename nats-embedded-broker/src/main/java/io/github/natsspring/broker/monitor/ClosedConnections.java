package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently closed connections, for {@code /connz?state=closed}: a ring of fixed capacity, as
 * nats-server's, the oldest dropped first. Written once per closed connection, never per message.
 */
public final class ClosedConnections {

	/** nats-server's default capacity ({@code DEFAULT_MAX_CLOSED_CLIENTS}). */
	public static final int DEFAULT_CAPACITY = 10_000;

	private final ConnectionInfo[] ring;

	private long total;

	/**
	 * Creates an empty ring.
	 * @param capacity how many closed connections it keeps
	 */
	public ClosedConnections(int capacity) {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive, was " + capacity);
		}
		this.ring = new ConnectionInfo[capacity];
	}

	/**
	 * Records a connection that closed.
	 * @param connection the connection as it was just before closing
	 * @param stop when it closed
	 * @param reason why, as the connection put it; shown in nats-server's words
	 */
	public synchronized void add(ConnectionInfo connection, Instant stop, String reason) {
		this.ring[(int) (this.total % this.ring.length)] = connection.closed(stop, ClosedReason.of(reason));
		this.total++;
	}

	/**
	 * The closed connections kept, oldest first.
	 * @return a copy
	 */
	public synchronized List<ConnectionInfo> oldestFirst() {
		int size = (int) Math.min(this.total, this.ring.length);
		List<ConnectionInfo> all = new ArrayList<>(size);
		int head = (int) (this.total % this.ring.length);
		int start = (this.total > this.ring.length) ? head : 0;
		for (int i = 0; i < size; i++) {
			all.add(this.ring[(start + i) % this.ring.length]);
		}
		return all;
	}
}
