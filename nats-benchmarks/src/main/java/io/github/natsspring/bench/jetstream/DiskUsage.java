package io.github.natsspring.bench.jetstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a directory occupies on disk, as {@code du -s -B1} reports it: allocated blocks of every file below it, in
 * bytes, so that preallocated or sparse files count as the file system holds them.
 */
final class DiskUsage {

	private static final long TIMEOUT_SECONDS = 30;

	private DiskUsage() {
	}

	/**
	 * Measures a directory.
	 * @param directory the directory
	 * @return the bytes allocated below it
	 * @throws IllegalStateException when {@code du} fails
	 */
	static long bytes(Path directory) {
		try {
			Process du = new ProcessBuilder("du", "-s", "-B1", directory.toString()).redirectErrorStream(true).start();
			String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!du.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || du.exitValue() != 0) {
				du.destroyForcibly();
				throw new IllegalStateException("du -s -B1 " + directory + " failed: " + output.strip());
			}
			return parse(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run du on " + directory, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running du on " + directory, ex);
		}
	}

	/**
	 * Reads the byte count of {@code du -s -B1}'s output line.
	 * @param output e.g. {@code 33677312\t/tmp/store}
	 * @return the bytes
	 * @throws IllegalStateException when the output does not start with a count
	 */
	static long parse(String output) {
		String first = output.strip().split("\\s+", 2)[0];
		try {
			return Long.parseLong(first);
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("du printed no byte count: " + output.strip(), ex);
		}
	}

}
