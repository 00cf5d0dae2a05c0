package io.github.natsspring.broker.monitor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process figures {@code /varz} shows: resident memory ({@code mem}, bytes) and CPU ({@code cpu}, percent of
 * one core, as nats-server's {@code ps}-style figure).
 */
final class ProcessUsage {

	private static final Path STATM = Path.of("/proc/self/statm");

	// Linux's page size on the platforms the broker ships native transports for
	private static final long PAGE_SIZE = 4096;

	private ProcessUsage() {
	}

	/** The resident set size from {@code /proc} where there is one, else the JVM heap in use. */
	static long residentBytes() {
		try {
			String[] fields = Files.readString(STATM).trim().split(" ");
			return Long.parseLong(fields[1]) * PAGE_SIZE;
		}
		catch (IOException | RuntimeException ex) {
			Runtime runtime = Runtime.getRuntime();
			return runtime.totalMemory() - runtime.freeMemory();
		}
	}

	/** The process's recent CPU use in percent of one core, rounded to a tenth; 0 when the JVM cannot tell. */
	static double cpuPercent() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			double load = sun.getProcessCpuLoad();
			if (load >= 0) {
				return Math.round(load * os.getAvailableProcessors() * 1000) / 10.0;
			}
		}
		return 0;
	}
}
