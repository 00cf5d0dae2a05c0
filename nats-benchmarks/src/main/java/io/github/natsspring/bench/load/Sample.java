package io.github.natsspring.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run of one scenario against one server, plus the messages that went missing.
 */
public final class Sample {

	private final Map<Metric, Double> values = new LinkedHashMap<>();

	private long lostMessages;

	/**
	 * Records a figure.
	 * @param metric what was measured
	 * @param value the value, {@code NaN} when not applicable
	 * @return this sample
	 */
	public Sample with(Metric metric, double value) {
		this.values.put(metric, value);
		return this;
	}

	/**
	 * Records messages that were published but never delivered.
	 * @param count the number of lost messages
	 * @return this sample
	 */
	public Sample lost(long count) {
		this.lostMessages += count;
		return this;
	}

	/**
	 * Returns the value of a figure.
	 * @param metric what was measured
	 * @return the value, {@code NaN} when the run did not record it
	 */
	public double value(Metric metric) {
		return this.values.getOrDefault(metric, Double.NaN);
	}

	/**
	 * Returns the number of messages published but not delivered in this run.
	 * @return the lost messages
	 */
	public long lostMessages() {
		return this.lostMessages;
	}

}
