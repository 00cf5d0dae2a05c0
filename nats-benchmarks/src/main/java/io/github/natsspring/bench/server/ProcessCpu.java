package io.github.natsspring.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the CPU time a process has used, all threads together, from {@code /proc/<pid>/stat}.
 */
public final class ProcessCpu {

	private static final int UTIME_FIELD = 14;

	private static final int STIME_FIELD = 15;

	private ProcessCpu() {
	}

	/**
	 * Reads user plus system time of a live process.
	 * @param pid the process id
	 * @return the CPU time in clock ticks
	 */
	public static long readTicks(long pid) {
		try {
			return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read CPU time of process " + pid, ex);
		}
	}

	/**
	 * Extracts user plus system time from the text of a {@code /proc/<pid>/stat} file.
	 * @param stat the file content
	 * @return utime + stime in clock ticks
	 */
	public static long parseTicks(String stat) {
		// The command name (field 2) is in parentheses and may itself contain spaces and ')'.
		int endOfName = stat.lastIndexOf(')');
		if (endOfName < 0) {
			throw new IllegalArgumentException("Not a /proc stat line: " + stat);
		}
		String[] fields = stat.substring(endOfName + 1).trim().split("\\s+");
		int firstFieldAfterName = 3;
		return Long.parseLong(fields[UTIME_FIELD - firstFieldAfterName])
				+ Long.parseLong(fields[STIME_FIELD - firstFieldAfterName]);
	}

}
