package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ring of closed connections keeps the newest, oldest first, with nats-server's reasons. */
class ClosedConnectionsTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void keepsTheNewestUpToItsCapacityOldestFirst() {
		ClosedConnections ring = new ClosedConnections(3);
		for (long cid = 1; cid <= 5; cid++) {
			ring.add(connection(cid), START.plusSeconds(cid), "Client Closed");
		}

		assertThat(ring.oldestFirst()).extracting(ConnectionInfo::cid).containsExactly(3L, 4L, 5L);
	}

	@Test
	void recordsWhenAndWhyInNatsServersWords() {
		ClosedConnections ring = new ClosedConnections(10);
		ring.add(connection(1), START.plusSeconds(9), "-ERR Stale Connection");
		ring.add(connection(2), START.plusSeconds(9), "-ERR Authorization Violation");
		ring.add(connection(3), START.plusSeconds(9), "Slow Consumer (Pending Bytes)");

		assertThat(ring.oldestFirst()).extracting(ConnectionInfo::reason)
			.containsExactly("Stale Connection", "Authentication Failure", "Slow Consumer (Pending Bytes)");
		assertThat(ring.oldestFirst()).extracting(ConnectionInfo::stop).containsOnly(START.plusSeconds(9));
	}

	@Test
	void anEmptyRingHasNothing() {
		assertThat(new ClosedConnections(2).oldestFirst()).isEmpty();
	}

	private static ConnectionInfo connection(long cid) {
		return new ConnectionInfo(cid, "127.0.0.1", 50000, START, START, null, null, 0, 10, 1, 1, 1, 1, "c" + cid,
				"java", "2.26.3", null, null, null, "$G", List.of());
	}
}
