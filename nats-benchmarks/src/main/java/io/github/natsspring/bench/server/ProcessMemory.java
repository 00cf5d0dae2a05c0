package io.github.natsspring.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads memory and descriptor figures of a process from {@code /proc/<pid>/status} and {@code /proc/<pid>/limits}.
 */
public final class ProcessMemory {

	private ProcessMemory() {
	}

	/**
	 * Reads the resident set size of a live process.
	 * @param pid the process id
	 * @return VmRSS in kilobytes
	 */
	public static long readResidentKilobytes(long pid) {
		return parseResidentKilobytes(read(Path.of("/proc", Long.toString(pid), "status")));
	}

	/**
	 * Extracts VmRSS from the text of a {@code /proc/<pid>/status} file.
	 * @param status the file content
	 * @return VmRSS in kilobytes
	 */
	public static long parseResidentKilobytes(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
				return Long.parseLong(parts[0]);
			}
		}
		throw new IllegalArgumentException("No VmRSS line in process status");
	}

	/**
	 * Reads the soft limit on open files of a live process.
	 * @param pid the process id
	 * @return the soft limit, or -1 when it is unlimited
	 */
	public static long readOpenFileLimit(long pid) {
		return parseOpenFileLimit(read(Path.of("/proc", Long.toString(pid), "limits")));
	}

	/**
	 * Extracts the soft "Max open files" limit from the text of a {@code /proc/<pid>/limits} file.
	 * @param limits the file content
	 * @return the soft limit, or -1 when it is unlimited
	 */
	public static long parseOpenFileLimit(String limits) {
		for (String line : limits.split("\n")) {
			if (line.startsWith("Max open files")) {
				String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
				return "unlimited".equals(soft) ? -1 : Long.parseLong(soft);
			}
		}
		throw new IllegalArgumentException("No 'Max open files' line in process limits");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
