package io.github.natsspring.bench.load;

/**
 * One figure a scenario reports, e.g. delivered messages per second.
 *
 * @param name what is measured, as shown in the report
 * @param unit the unit of the value
 */
public record Metric(String name, String unit) {

	/** Delivered (or, for publish-only, accepted) messages per second. */
	public static final Metric MESSAGES_PER_SECOND = new Metric("throughput", "msg/s");

	/** Server CPU time (user + system) per delivered message. */
	public static final Metric CPU_PER_MESSAGE = new Metric("server CPU per msg", "µs");

}
