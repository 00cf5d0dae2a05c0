package io.github.natsspring.bench.load;

import io.github.natsspring.bench.server.ClockTicks;

/**
 * What one throughput run measured.
 *
 * @param published messages the publisher sent
 * @param delivered messages the subscribers received (for publish-only: those the server acknowledged reading)
 * @param lost deliveries that were due but never arrived
 * @param nanos time from the first publish to the last delivery
 * @param serverCpuTicks server CPU time spent during the run
 */
record ThroughputResult(long published, long delivered, long lost, long nanos, long serverCpuTicks) {

	double messagesPerSecond() {
		return this.delivered * 1e9 / this.nanos;
	}

	double serverCpuMicrosPerMessage() {
		return ClockTicks.toMicros(this.serverCpuTicks) / this.delivered;
	}

}
