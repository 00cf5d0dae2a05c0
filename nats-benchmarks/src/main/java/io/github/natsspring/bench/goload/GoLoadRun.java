package io.github.natsspring.bench.goload;

import io.github.natsspring.bench.server.ClockTicks;

/**
 * One finished run of {@code natsload} and the server's CPU time read around its measured interval.
 *
 * @param report what the generator measured
 * @param serverCpuTicksBefore the server's CPU time just before the go-ahead
 * @param serverCpuTicksAfter the server's CPU time just after the result line
 * @param goAheadNanos the {@link System#nanoTime()} at which the generator was told to start
 */
public record GoLoadRun(GoLoadReport report, long serverCpuTicksBefore, long serverCpuTicksAfter,
		long goAheadNanos) {

	/**
	 * Returns the server CPU time of the measured interval per delivered message.
	 * @return microseconds per delivery, {@code NaN} when nothing was delivered
	 */
	public double serverCpuMicrosPerDelivery() {
		return perDelivery(this.serverCpuTicksAfter - this.serverCpuTicksBefore);
	}

	/**
	 * Returns the server's whole CPU time since it was launched, start-up included, per delivered message.
	 * @return microseconds per delivery, {@code NaN} when nothing was delivered
	 */
	public double serverCpuSinceLaunchMicrosPerDelivery() {
		return perDelivery(this.serverCpuTicksAfter);
	}

	private double perDelivery(long ticks) {
		long delivered = this.report.delivered();
		return (delivered == 0) ? Double.NaN : ClockTicks.toMicros(ticks) / delivered;
	}

}
