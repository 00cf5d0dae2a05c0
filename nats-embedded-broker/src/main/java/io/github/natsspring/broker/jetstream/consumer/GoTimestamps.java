package io.github.natsspring.broker.jetstream.consumer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as Go's {@code encoding/json} writes and reads a {@code time.Time}: RFC 3339 with up to nine fraction
 * digits, trailing zeros dropped ({@code time.RFC3339Nano}), in UTC.
 */
final class GoTimestamps {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private GoTimestamps() {
	}

	static String format(Instant instant) {
		OffsetDateTime time = instant.atOffset(ZoneOffset.UTC);
		StringBuilder text = new StringBuilder(30).append(SECONDS.format(time));
		int nanos = time.getNano();
		if (nanos != 0) {
			String fraction = String.format("%09d", nanos);
			int end = fraction.length();
			while (fraction.charAt(end - 1) == '0') {
				end--;
			}
			text.append('.').append(fraction, 0, end);
		}
		return text.append('Z').toString();
	}

	static String formatNanos(long epochNanos) {
		return format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
				Math.floorMod(epochNanos, 1_000_000_000L)));
	}

	static Instant parse(String text) {
		try {
			return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("parsing time \"" + text + "\" as RFC 3339: " + ex.getMessage(), ex);
		}
	}

	static long toNanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}
}
