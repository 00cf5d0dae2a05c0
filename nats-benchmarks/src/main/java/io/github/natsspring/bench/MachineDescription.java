package io.github.natsspring.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.bench.server.ClockTicks;
import io.github.natsspring.bench.server.ProcessMemory;

/**
 * The facts about the machine and software a benchmark report must state to be reproducible.
 */
final class MachineDescription {

	private MachineDescription() {
	}

	static String describe(BenchmarkOptions options) {
		StringBuilder text = new StringBuilder();
		line(text, "CPUs (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
		line(text, "CPU model", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"));
		line(text, "memory", firstValue(Path.of("/proc/meminfo"), "MemTotal").map(MachineDescription::gigabytes)
			.orElse("unknown"));
		line(text, "kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		line(text, "Java (client and broker)", System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version"));
		line(text, "nats-server", run(options.natsServer().toString(), "--version"));
		line(text, "clock ticks (CLK_TCK)", Long.toString(ClockTicks.perSecond()));
		line(text, "open files limit (client)",
				Long.toString(ProcessMemory.readOpenFileLimit(ProcessHandle.current().pid())));
		return text.toString();
	}

	/**
	 * Reads the 1, 5 and 15 minute load averages, which show how much other work shared the machine.
	 */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void line(StringBuilder text, String name, String value) {
		text.append("- ").append(name).append(": ").append(value).append('\n');
	}

	private static Optional<String> firstValue(Path file, String key) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String gigabytes(String memTotal) {
		long kilobytes = Long.parseLong(memTotal.split("\\s+")[0]);
		return String.format(Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0);
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			process.waitFor(10, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "unavailable (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unavailable (interrupted)";
		}
	}

}
