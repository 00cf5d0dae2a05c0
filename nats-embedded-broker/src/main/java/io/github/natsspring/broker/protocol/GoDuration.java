package io.github.natsspring.broker.protocol;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.Duration} text: written as {@code String()} writes it ({@code 10s}, {@code 1.5s},
 * {@code 250ms}, {@code 2m0s}) so that log lines read like nats-server's, and read as {@code time.ParseDuration}
 * reads it ({@code 2s}, {@code 1m30s}, {@code 500ms}, {@code -1.5h}, {@code 0}), with its error messages, as
 * nats-server's configuration file takes durations.
 */
public final class GoDuration {

	private static final long MAX_NANOS = Long.MAX_VALUE;

	private GoDuration() {
	}

	/**
	 * Writes a duration as Go does.
	 * @param duration a non-negative duration
	 * @return the text, e.g. {@code 2m0s}
	 */
	public static String format(Duration duration) {
		long nanos = duration.toNanos();
		if (nanos < 0) {
			return "-" + format(duration.negated());
		}
		if (nanos == 0) {
			return "0s";
		}
		if (nanos < 1_000) {
			return nanos + "ns";
		}
		if (nanos < 1_000_000) {
			return decimal(nanos, 3) + "µs";
		}
		if (nanos < 1_000_000_000) {
			return decimal(nanos, 6) + "ms";
		}
		long hours = nanos / 3_600_000_000_000L;
		long minutes = (nanos / 60_000_000_000L) % 60;
		String seconds = decimal(nanos % 60_000_000_000L, 9) + "s";
		if (hours > 0) {
			return hours + "h" + minutes + "m" + seconds;
		}
		return (minutes > 0) ? minutes + "m" + seconds : seconds;
	}

	/**
	 * Reads a duration as Go's {@code time.ParseDuration}: an optional sign, then numbers with units
	 * ({@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), decimals allowed.
	 * @param text the text
	 * @return the duration
	 * @throws IllegalArgumentException with Go's message, e.g. {@code time: unknown unit "x" in duration "2x"}
	 */
	public static Duration parse(String text) {
		String quoted = GoQuote.quote(text);
		int i = 0;
		boolean negative = false;
		if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
			negative = text.charAt(i) == '-';
			i++;
		}
		if (text.substring(i).equals("0")) {
			return Duration.ZERO;
		}
		if (i == text.length()) {
			throw invalid(quoted);
		}
		BigDecimal total = BigDecimal.ZERO;
		while (i < text.length()) {
			int numberStart = i;
			while (i < text.length() && isDigit(text.charAt(i))) {
				i++;
			}
			boolean wholeDigits = i > numberStart;
			boolean fractionDigits = false;
			if (i < text.length() && text.charAt(i) == '.') {
				i++;
				int fractionStart = i;
				while (i < text.length() && isDigit(text.charAt(i))) {
					i++;
				}
				fractionDigits = i > fractionStart;
			}
			if (!wholeDigits && !fractionDigits) {
				throw invalid(quoted);
			}
			String number = text.substring(numberStart, i);
			int unitStart = i;
			while (i < text.length() && text.charAt(i) != '.' && !isDigit(text.charAt(i))) {
				i++;
			}
			if (unitStart == i) {
				throw new IllegalArgumentException("time: missing unit in duration " + quoted);
			}
			String unit = text.substring(unitStart, i);
			long unitNanos = unitNanos(unit);
			if (unitNanos == 0) {
				throw new IllegalArgumentException(
						"time: unknown unit " + GoQuote.quote(unit) + " in duration " + quoted);
			}
			String plain = number.endsWith(".") ? number.substring(0, number.length() - 1) : number;
			total = total.add(new BigDecimal(plain.startsWith(".") ? "0" + plain : plain)
				.multiply(BigDecimal.valueOf(unitNanos)));
			if (total.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
				throw invalid(quoted);
			}
		}
		long nanos = total.longValue();
		return Duration.ofNanos(negative ? -nanos : nanos);
	}

	private static long unitNanos(String unit) {
		return switch (unit) {
			case "ns" -> 1L;
			case "us", "µs", "μs" -> 1_000L;
			case "ms" -> 1_000_000L;
			case "s" -> 1_000_000_000L;
			case "m" -> 60_000_000_000L;
			case "h" -> 3_600_000_000_000L;
			default -> 0L;
		};
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static IllegalArgumentException invalid(String quoted) {
		return new IllegalArgumentException("time: invalid duration " + quoted);
	}

	private static String decimal(long value, int scale) {
		return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
	}
}
