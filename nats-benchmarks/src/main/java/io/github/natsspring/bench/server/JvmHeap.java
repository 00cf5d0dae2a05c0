package io.github.natsspring.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the live heap of another JVM: a full collection through {@code jcmd <pid> GC.run}, then the used
 * space of all generations from {@code jstat -gc <pid>}, which prints the same columns for every collector.
 */
public final class JvmHeap {

	private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

	private JvmHeap() {
	}

	/**
	 * Collects garbage in the target JVM and returns the heap still in use.
	 * @param pid the process id of the target JVM
	 * @return the used heap in kilobytes after a full collection
	 */
	public static double readLiveKilobytes(long pid) {
		run("jcmd", Long.toString(pid), "GC.run");
		return parseUsedKilobytes(run("jstat", "-gc", Long.toString(pid)));
	}

	/**
	 * Sums the used space of survivor, eden and old spaces from {@code jstat -gc} output.
	 * @param jstatOutput a header line and a value line
	 * @return the used heap in kilobytes
	 */
	public static double parseUsedKilobytes(String jstatOutput) {
		String[] lines = jstatOutput.trim().split("\n");
		if (lines.length < 2) {
			throw new IllegalArgumentException("Unexpected jstat output: " + jstatOutput);
		}
		List<String> header = List.of(lines[0].trim().split("\\s+"));
		String[] values = lines[lines.length - 1].trim().split("\\s+");
		double used = 0;
		for (String column : USED_COLUMNS) {
			int index = header.indexOf(column);
			if (index < 0) {
				throw new IllegalArgumentException("jstat output lacks column " + column + ": " + jstatOutput);
			}
			used += Double.parseDouble(values[index]);
		}
		return used;
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command[0], ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command[0], ex);
		}
	}

}
