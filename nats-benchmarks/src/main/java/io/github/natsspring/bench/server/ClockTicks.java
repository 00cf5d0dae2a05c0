package io.github.natsspring.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's clock tick rate ({@code getconf CLK_TCK}), the unit of CPU times in {@code /proc/<pid>/stat}.
 */
public final class ClockTicks {

	private static final long USUAL_TICKS_PER_SECOND = 100;

	private static final long TICKS_PER_SECOND = query();

	private ClockTicks() {
	}

	/**
	 * Returns the number of clock ticks per second.
	 * @return {@code CLK_TCK}, usually 100
	 */
	public static long perSecond() {
		return TICKS_PER_SECOND;
	}

	/**
	 * Converts clock ticks to microseconds.
	 * @param ticks a CPU time in ticks
	 * @return the same time in microseconds
	 */
	public static double toMicros(long ticks) {
		return ticks * 1_000_000.0 / TICKS_PER_SECOND;
	}

	private static long query() {
		try {
			Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (process.waitFor() == 0) ? Long.parseLong(output) : USUAL_TICKS_PER_SECOND;
		}
		catch (IOException | NumberFormatException ex) {
			return USUAL_TICKS_PER_SECOND;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return USUAL_TICKS_PER_SECOND;
		}
	}

}
