package io.github.natsspring.broker.jetstream.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as nats-server writes them in JetStream JSON and headers: Go's {@code time.RFC3339Nano} in UTC
 * (nanoseconds with trailing zeros dropped, {@code Z}), and Go's zero time {@code 0001-01-01T00:00:00Z} for
 * "never".
 */
public final class GoTimes {

	/** Go's zero {@code time.Time}, what nats-server writes for a time that was never set. */
	public static final String ZERO = "0001-01-01T00:00:00Z";

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private GoTimes() {
	}

	/**
	 * Formats a time.
	 * @param epochNanos nanoseconds since the epoch; 0 for the zero time
	 * @return the RFC 3339 text
	 */
	public static String format(long epochNanos) {
		if (epochNanos == 0) {
			return ZERO;
		}
		return format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
				Math.floorMod(epochNanos, 1_000_000_000L)));
	}

	/**
	 * Formats an instant.
	 * @param instant the instant
	 * @return the RFC 3339 text
	 */
	public static String format(Instant instant) {
		StringBuilder text = new StringBuilder(32).append(SECONDS.format(instant));
		int nanos = instant.getNano();
		if (nanos != 0) {
			String digits = String.format("%09d", nanos);
			int end = digits.length();
			while (digits.charAt(end - 1) == '0') {
				end--;
			}
			text.append('.').append(digits, 0, end);
		}
		return text.append('Z').toString();
	}

	/**
	 * Nanoseconds since the epoch of an instant.
	 * @param instant the instant
	 * @return the nanoseconds
	 */
	public static long epochNanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}
}
