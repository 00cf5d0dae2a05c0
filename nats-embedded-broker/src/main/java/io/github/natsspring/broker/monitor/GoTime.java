package io.github.natsspring.broker.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times and durations as nats-server's monitoring writes them: instants as Go's {@code time.Time} JSON (RFC 3339
 * with nanoseconds, trailing zeros dropped, UTC as {@code Z}), uptimes and idle times as its {@code myUptime}
 * ({@code 1d2h3m4s}, whole seconds, largest unit first).
 */
final class GoTime {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private GoTime() {
	}

	static String format(Instant instant) {
		StringBuilder text = new StringBuilder(SECONDS.format(instant));
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

	static String uptime(Duration duration) {
		long seconds = Math.max(0, duration.getSeconds());
		long minutes = seconds / 60;
		long hours = minutes / 60;
		long days = hours / 24;
		long years = days / 365;
		if (years > 0) {
			return years + "y" + (days % 365) + "d" + (hours % 24) + "h" + (minutes % 60) + "m" + (seconds % 60) + "s";
		}
		if (days > 0) {
			return days + "d" + (hours % 24) + "h" + (minutes % 60) + "m" + (seconds % 60) + "s";
		}
		if (hours > 0) {
			return hours + "h" + (minutes % 60) + "m" + (seconds % 60) + "s";
		}
		if (minutes > 0) {
			return minutes + "m" + (seconds % 60) + "s";
		}
		return seconds + "s";
	}
}
