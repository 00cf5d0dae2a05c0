package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command run as a child process, its standard output and error captured in files. Closing it kills the
 * process if it still runs, so a failed test leaves nothing behind.
 */
final class ProcessRun implements AutoCloseable {

	private final Process process;

	private final Path stdout;

	private final Path stderr;

	private ProcessRun(Process process, Path stdout, Path stderr) {
		this.process = process;
		this.stdout = stdout;
		this.stderr = stderr;
	}

	/** The command running {@link NatsBrokerMain} on this JVM's class path. */
	static List<String> brokerMain(String... args) {
		return brokerMain(List.of(), args);
	}

	/** The command running {@link NatsBrokerMain} on this JVM's class path with more JVM options. */
	static List<String> brokerMain(List<String> jvmOptions, String... args) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), NatsBrokerMain.class.getName()));
		command.addAll(List.of(args));
		return command;
	}

	/** Starts the command with its output going to files in this directory. */
	static ProcessRun start(Path dir, List<String> command) {
		try {
			Path out = Files.createTempFile(dir, "stdout", ".txt");
			Path err = Files.createTempFile(dir, "stderr", ".txt");
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
			// the JVM's thread-suspend signal is SIGUSR2 unless this names another; tests expect the default
			builder.environment().remove("_JAVA_SR_SIGNUM");
			Process process = builder.start();
			return new ProcessRun(process, out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs the command to its end. */
	static ProcessRun complete(Path dir, List<String> command) {
		ProcessRun run = start(dir, command);
		run.exitStatus();
		return run;
	}

	long pid() {
		return process.pid();
	}

	/** Sends a signal by name, e.g. {@code INT}. */
	void signal(String name) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO().start();
		assertThat(kill.waitFor()).isZero();
	}

	/** Waits for the process to end (at most 60 s, then kills it) and returns its exit status. */
	int exitStatus() {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("process did not exit in time; stderr:\n" + stderr());
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new AssertionError(ex);
		}
	}

	/** Sends SIGTERM. */
	void terminate() {
		process.destroy();
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}

	String stdout() {
		return read(stdout);
	}

	String stderr() {
		return read(stderr);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
