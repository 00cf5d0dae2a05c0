package io.github.natsspring.bench.report;

import java.util.Locale;

/**
 * Formats measured values for the report with a precision that fits their magnitude.
 */
public final class Quantity {

	private Quantity() {
	}

	/**
	 * Formats a value with its unit, e.g. {@code 1.23 M msg/s}, {@code 812 k msg/s} or {@code 0.84 µs}.
	 * @param value the value, {@code NaN} when not applicable
	 * @param unit the unit, empty for plain counts
	 * @return the text, {@code n/a} for {@code NaN}
	 */
	public static String format(double value, String unit) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		if (unit.isEmpty()) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		String suffix = " " + unit;
		if ("msg/s".equals(unit)) {
			if (value >= 1e6) {
				return significant(value / 1e6) + " M" + suffix;
			}
			if (value >= 1e3) {
				return significant(value / 1e3) + " k" + suffix;
			}
		}
		return significant(value) + suffix;
	}

	/**
	 * Formats a value as {@link #format} does, followed by its relative spread, e.g. {@code 812 k msg/s ±4%}.
	 * @param value the value, {@code NaN} when not applicable
	 * @param unit the unit, empty for plain counts
	 * @param spread the relative spread, {@code NaN} when unknown
	 * @return the text
	 */
	public static String formatWithSpread(double value, String unit, double spread) {
		String text = format(value, unit);
		if (Double.isNaN(value) || Double.isNaN(spread)) {
			return text;
		}
		return text + String.format(Locale.ROOT, " ±%.0f%%", spread * 100);
	}

	/**
	 * Formats a ratio with two decimals followed by {@code ×}.
	 * @param ratio the ratio, {@code NaN} when undefined
	 * @return the text, {@code —} for {@code NaN}
	 */
	public static String ratio(double ratio) {
		return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio);
	}

	private static String significant(double value) {
		double magnitude = Math.abs(value);
		if (magnitude >= 100 || magnitude == 0) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (magnitude >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		if (magnitude >= 0.1) {
			return String.format(Locale.ROOT, "%.2f", value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

}
