package io.github.natsspring.broker.server;

import java.util.concurrent.atomic.AtomicLong;

import io.github.natsspring.broker.connection.ConnectionStatistics;

/**
 * The server-wide counters that outlive connections: slow consumers, connections accepted, and the traffic of
 * connections already closed. Touched only when a connection opens, closes or is cut off, never per message;
 * the traffic of open connections is summed from their own statistics on request.
 */
final class ServerCounters {

	private final AtomicLong slowConsumers = new AtomicLong();

	private final AtomicLong acceptedConnections = new AtomicLong();

	private final AtomicLong closedInMessages = new AtomicLong();

	private final AtomicLong closedInBytes = new AtomicLong();

	private final AtomicLong closedOutMessages = new AtomicLong();

	private final AtomicLong closedOutBytes = new AtomicLong();

	void connectionAccepted() {
		this.acceptedConnections.incrementAndGet();
	}

	void slowConsumer() {
		this.slowConsumers.incrementAndGet();
	}

	void connectionClosed(ConnectionStatistics statistics) {
		this.closedInMessages.addAndGet(statistics.inMessages());
		this.closedInBytes.addAndGet(statistics.inBytes());
		this.closedOutMessages.addAndGet(statistics.outMessages());
		this.closedOutBytes.addAndGet(statistics.outBytes());
	}

	long slowConsumers() {
		return this.slowConsumers.get();
	}

	long acceptedConnections() {
		return this.acceptedConnections.get();
	}

	long closedInMessages() {
		return this.closedInMessages.get();
	}

	long closedInBytes() {
		return this.closedInBytes.get();
	}

	long closedOutMessages() {
		return this.closedOutMessages.get();
	}

	long closedOutBytes() {
		return this.closedOutBytes.get();
	}
}
