package io.github.natsspring.broker.jetstream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * nats-server's limits for JetStream when none are configured: three quarters of the machine's memory and of the
 * space available to the store directory; and its way of printing sizes.
 */
final class StorageLimits {

	private static final String[] PREFIXES = { "K", "M", "G", "T", "P", "E" };

	private StorageLimits() {
	}

	static long dynamicMemory() {
		java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		long total = (os instanceof com.sun.management.OperatingSystemMXBean sun) ? sun.getTotalMemorySize()
				: Runtime.getRuntime().maxMemory();
		return total / 4 * 3;
	}

	static long dynamicStorage(Path directory) {
		try {
			return Files.getFileStore(directory).getUsableSpace() / 4 * 3;
		}
		catch (IOException ex) {
			return 1L << 40;
		}
	}

	// nats-server's friendlyBytes: 1024-based, two decimals, "B" below 1 KiB
	static String friendlyBytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		int exponent = (int) (Math.log(bytes) / Math.log(1024));
		return String.format(Locale.ROOT, "%.2f %sB", bytes / Math.pow(1024, exponent), PREFIXES[exponent - 1]);
	}
}
