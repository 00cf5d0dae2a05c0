package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.protocol.GoQuote;

/**
 * nats-server's {@code --signal <command>[=<pid>]}: sends a running broker the signal for a command
 * ({@code stop} KILL, {@code quit} INT, {@code reopen} USR1, {@code reload} HUP, {@code ldm} USR2, {@code term}
 * TERM), to the given process id, to the id held in a pid file given instead, or to the one broker running on
 * this machine. Failures are worded as nats-server's. Unix only: it runs {@code kill}.
 */
final class ProcessSignal {

	private static final Map<String, String> SIGNALS = Map.of("stop", "KILL", "quit", "INT", "reopen", "USR1",
			"reload", "HUP", "ldm", "USR2", "term", "TERM");

	private ProcessSignal() {
	}

	/**
	 * Sends the signal.
	 * @param argument the flag's value, e.g. {@code reload=4242} or {@code reload=/var/run/nats.pid}
	 * @throws IllegalArgumentException with nats-server's message when it cannot
	 */
	static void send(String argument) {
		String[] parts = argument.split("=", -1);
		if (parts.length > 2) {
			throw new IllegalArgumentException(
					"invalid signal parameters: [" + String.join(" ", Arrays.copyOfRange(parts, 2, parts.length)) + "]");
		}
		long pid = (parts.length == 2) ? pid(readIfPidFile(parts[1])) : runningBroker();
		String signal = SIGNALS.get(parts[0]);
		if (signal == null) {
			throw new IllegalArgumentException("unknown signal " + GoQuote.quote(parts[0]));
		}
		kill(signal, pid);
	}

	private static String readIfPidFile(String value) {
		try {
			return Files.readString(Path.of(value), StandardCharsets.US_ASCII);
		}
		catch (IOException | RuntimeException ex) {
			return value;
		}
	}

	private static long pid(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("invalid pid: " + text);
		}
	}

	private static long runningBroker() {
		long self = ProcessHandle.current().pid();
		List<Long> brokers = ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != self)
			.filter((process) -> process.info().commandLine().map(ProcessSignal::isBroker).orElse(false))
			.map(ProcessHandle::pid)
			.toList();
		String name = BrokerCommandLine.PROGRAM_NAME;
		if (brokers.isEmpty()) {
			throw new IllegalArgumentException("no " + name + " processes running");
		}
		if (brokers.size() > 1) {
			StringBuilder message = new StringBuilder("multiple " + name + " processes running:");
			brokers.forEach((pid) -> message.append('\n').append(pid));
			throw new IllegalArgumentException(message.toString());
		}
		return brokers.get(0);
	}

	private static boolean isBroker(String commandLine) {
		return commandLine.contains(BrokerCommandLine.PROGRAM_NAME + ".jar")
				|| commandLine.contains(NatsBrokerMain.class.getName());
	}

	private static void kill(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true).start();
			String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalArgumentException(reason(output));
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("unable to send the signal: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalArgumentException("interrupted while sending the signal", ex);
		}
	}

	// kill's words, as Go's syscall errors read: "no such process", "operation not permitted"
	private static String reason(String killOutput) {
		String lower = killOutput.toLowerCase(Locale.ROOT);
		if (lower.contains("no such process")) {
			return "no such process";
		}
		if (lower.contains("not permitted")) {
			return "operation not permitted";
		}
		return killOutput.strip();
	}
}
