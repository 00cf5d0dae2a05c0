package io.github.natsspring.bench.load;

import java.time.Duration;

/**
 * Bounds of one run: it stops at whichever comes first, the message count or the time limit.
 *
 * @param messages the most messages to publish (or requests to send)
 * @param time the longest time to keep publishing
 */
public record RunLimits(long messages, Duration time) {

	/**
	 * Returns limits scaled down for a warm-up run.
	 * @param divisor how much smaller the warm-up is
	 * @return the smaller limits
	 */
	public RunLimits dividedBy(int divisor) {
		return new RunLimits(Math.max(1, this.messages / divisor), this.time.dividedBy(divisor));
	}

}
