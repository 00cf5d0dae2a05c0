package io.github.natsspring.broker.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;

import static org.awaitility.Awaitility.await;

/**
 * A server in its own process on a loopback port: the reference nats-server the embedded broker is compared with,
 * or the broker's standalone main where a scenario needs a process to kill.
 */
public final class ServerProcessTarget implements NatsTarget {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private static final String RELOADED = "Reloaded server configuration";

	private static final String RELOAD_FAILED = "Failed to reload server configuration: ";

	private final ServerExecutable executable;

	private List<String> command;

	private Path workDirectory;

	private NatsBrokerOptions options;

	private int port;

	private int monitoringPort;

	private Process process;

	ServerProcessTarget(ServerExecutable executable) {
		this.executable = executable;
	}

	@Override
	public void start(NatsBrokerOptions options) throws IOException {
		command = executable.command();
		this.options = options;
		this.port = (options.port() != 0) ? options.port() : freeLoopbackPort();
		if (options.monitoring() != null) {
			this.monitoringPort = (options.monitoring().port() != 0) ? options.monitoring().port() : freeLoopbackPort();
			options = options.toBuilder()
				.monitoring(options.monitoring().toBuilder().host("127.0.0.1").port(this.monitoringPort).build())
				.build();
		}
		if (workDirectory == null) {
			workDirectory = Files.createTempDirectory("nats-server-interop");
		}
		NatsServerCommandLine commandLine = new NatsServerCommandLine(options);
		Path configFile = Files.writeString(workDirectory.resolve("nats-server.conf"), commandLine.configFile());
		// readiness comes from the log: a probe connection would count against max_connections for a while
		Path log = workDirectory.resolve("nats-server.log");
		ProcessBuilder builder = new ProcessBuilder(commandLine.command(command, port, configFile)).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// the JVM's thread-suspend signal is SIGUSR2 unless this names another; lame-duck mode needs the default
		builder.environment().remove("_JAVA_SR_SIGNUM");
		process = builder.start();
		try {
			await().atMost(STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(20))
				.failFast(executable + " exited", () -> !process.isAlive())
				.until(() -> Files.readString(log).contains("Server is ready"));
		}
		catch (RuntimeException ex) {
			stopProcess();
			throw new IllegalStateException(executable + " did not start; its log:\n" + Files.readString(log), ex);
		}
	}

	@Override
	public int port() {
		return port;
	}

	@Override
	public int monitoringPort() {
		if (options.monitoring() == null) {
			throw new IllegalStateException("Monitoring is not enabled");
		}
		return monitoringPort;
	}

	@Override
	public void restart() throws Exception {
		stopProcess();
		start(options.toBuilder().port(port).build());
	}

	@Override
	public void reload(NatsBrokerOptions changed) throws Exception {
		Path log = workDirectory.resolve("nats-server.log");
		int reloadedBefore = count(Files.readString(log), RELOADED);
		int failedBefore = count(Files.readString(log), RELOAD_FAILED);
		Files.writeString(workDirectory.resolve("nats-server.conf"), new NatsServerCommandLine(changed).configFile());
		signal("reload");
		await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
			String text = Files.readString(log);
			return count(text, RELOADED) > reloadedBefore || count(text, RELOAD_FAILED) > failedBefore;
		});
		String text = Files.readString(log);
		if (count(text, RELOAD_FAILED) > failedBefore) {
			int start = text.lastIndexOf(RELOAD_FAILED) + RELOAD_FAILED.length();
			int end = text.indexOf('\n', start);
			throw new NatsBrokerException(text.substring(start, (end < 0) ? text.length() : end));
		}
		this.options = changed.toBuilder().port(port).build();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private void signal(String command) throws IOException, InterruptedException {
		List<String> signalCommand = new ArrayList<>(this.command);
		signalCommand.addAll(List.of("--signal", command + "=" + process.pid()));
		Process signal = new ProcessBuilder(signalCommand)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!signal.waitFor(10, TimeUnit.SECONDS) || signal.exitValue() != 0) {
			throw new IllegalStateException(executable + " --signal " + command + " failed");
		}
	}

	@Override
	public void enterLameDuckMode() throws IOException, InterruptedException {
		signal("ldm");
	}

	/**
	 * Kills the process as {@code kill -9} does, leaving its files as the moment of the kill left them;
	 * {@link #restart()} starts it again on the same port with the same options.
	 */
	public void kill() throws InterruptedException {
		if (process != null) {
			process.destroyForcibly();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException(executable + " did not die");
			}
			process = null;
		}
	}

	/** The server's log so far: its standard output and error. */
	public String log() throws IOException {
		return Files.readString(workDirectory.resolve("nats-server.log"));
	}

	@Override
	public void stop() throws IOException {
		stopProcess();
		if (workDirectory != null) {
			try (Stream<Path> files = Files.walk(workDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach(ServerProcessTarget::delete);
			}
			workDirectory = null;
		}
	}

	private void stopProcess() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		process = null;
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return executable + " on port " + port;
	}
}
