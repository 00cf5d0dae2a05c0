package io.github.natsspring.broker.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.natsspring.broker.NatsBrokerOptions;

import static org.awaitility.Awaitility.await;

/** A real nats-server process on a loopback port, the reference the embedded broker is compared with. */
final class NatsServerProcessTarget implements NatsTarget {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private Path binary;

	private Path workDirectory;

	private NatsBrokerOptions options;

	private int port;

	private Process process;

	@Override
	public void start(NatsBrokerOptions options) throws IOException {
		binary = NatsServerBinary.require();
		this.options = options;
		this.port = (options.port() != 0) ? options.port() : freeLoopbackPort();
		if (workDirectory == null) {
			workDirectory = Files.createTempDirectory("nats-server-interop");
		}
		NatsServerCommandLine commandLine = new NatsServerCommandLine(options);
		Path configFile = Files.writeString(workDirectory.resolve("nats-server.conf"), commandLine.configFile());
		// readiness comes from the log: a probe connection would count against max_connections for a while
		Path log = workDirectory.resolve("nats-server.log");
		process = new ProcessBuilder(commandLine.command(binary, port, configFile)).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			await().atMost(STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(20))
				.failFast("nats-server exited", () -> !process.isAlive())
				.until(() -> Files.readString(log).contains("Server is ready"));
		}
		catch (RuntimeException ex) {
			stopProcess();
			throw new IllegalStateException("nats-server did not start; its log:\n" + Files.readString(log), ex);
		}
	}

	@Override
	public int port() {
		return port;
	}

	@Override
	public void restart() throws Exception {
		stopProcess();
		start(options.toBuilder().port(port).build());
	}

	@Override
	public void enterLameDuckMode() throws IOException, InterruptedException {
		Process signal = new ProcessBuilder(binary.toString(), "--signal", "ldm=" + process.pid())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!signal.waitFor(5, TimeUnit.SECONDS) || signal.exitValue() != 0) {
			throw new IllegalStateException("nats-server --signal ldm failed");
		}
	}

	@Override
	public void stop() throws IOException {
		stopProcess();
		if (workDirectory != null) {
			try (Stream<Path> files = Files.walk(workDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach(NatsServerProcessTarget::delete);
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
		return "nats-server on port " + port;
	}
}
