package io.github.natsspring.bench.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary statistics over repeated runs.
 */
public final class Statistics {

	private Statistics() {
	}

	/**
	 * Returns the median of the values that are numbers; with an even count, the mean of the two middle values.
	 * @param values the values, {@code NaN} entries ignored
	 * @return the median, or {@code NaN} when no value is a number
	 */
	public static double median(Collection<Double> values) {
		double[] numbers = values.stream().filter((value) -> !value.isNaN()).mapToDouble(Double::doubleValue).toArray();
		if (numbers.length == 0) {
			return Double.NaN;
		}
		Arrays.sort(numbers);
		int middle = numbers.length / 2;
		return (numbers.length % 2 == 1) ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
	}

	/**
	 * Returns half the range of the values relative to their median: how far repeated runs scattered.
	 * @param values the values, {@code NaN} entries ignored
	 * @return (max − min) / (2 × median), or {@code NaN} with fewer than two numbers or a zero median
	 */
	public static double relativeSpread(Collection<Double> values) {
		double[] numbers = values.stream().filter((value) -> !value.isNaN()).mapToDouble(Double::doubleValue).toArray();
		double median = median(values);
		if (numbers.length < 2 || median == 0) {
			return Double.NaN;
		}
		double min = Arrays.stream(numbers).min().getAsDouble();
		double max = Arrays.stream(numbers).max().getAsDouble();
		return (max - min) / (2 * Math.abs(median));
	}

	/**
	 * Returns {@code numerator / denominator}, or {@code NaN} when it is undefined.
	 * @param numerator the candidate's value
	 * @param denominator the reference value
	 * @return the ratio
	 */
	public static double ratio(double numerator, double denominator) {
		if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
			return Double.NaN;
		}
		return numerator / denominator;
	}

}
