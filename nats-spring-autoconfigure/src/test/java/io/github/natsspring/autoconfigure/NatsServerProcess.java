package io.github.natsspring.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A nats-server (the reference server from Debian) running on a loopback port for one test. Tests using it
 * are skipped when the binary is missing, except under {@code CI=true} where they fail.
 */
public final class NatsServerProcess implements AutoCloseable {

	private static final String DEFAULT_BINARY = "/usr/sbin/nats-server";

	private final int port;

	private final Process process;

	private NatsServerProcess(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/** Starts a server on a free loopback port and waits until it accepts connections. */
	public static NatsServerProcess start(String... extraArguments) {
		return startOn(freePort(), extraArguments);
	}

	/** Starts a server on the given loopback port and waits until it accepts connections. */
	public static NatsServerProcess startOn(int port, String... extraArguments) {
		List<String> command = new ArrayList<>(List.of(binary().toString(), "-a", "127.0.0.1", "-p",
				String.valueOf(port)));
		command.addAll(List.of(extraArguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			NatsServerProcess server = new NatsServerProcess(port, process);
			Awaitility.await("nats-server listening on " + port)
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(20))
				.until(server::accepts);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A port nothing listens on right now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The port the server listens on. */
	public int getPort() {
		return this.port;
	}

	/** The URL clients connect to. */
	public String getUrl() {
		return "nats://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean accepts() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("nats-server exited with " + this.process.exitValue());
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path binary() {
		Optional<Path> binary = Stream
			.concat(Stream.of(Path.of(DEFAULT_BINARY)),
					Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
						.filter((dir) -> !dir.isEmpty())
						.map((dir) -> Path.of(dir, "nats-server")))
			.filter(Files::isExecutable)
			.findFirst();
		if (binary.isEmpty()) {
			String reason = "nats-server not found at " + DEFAULT_BINARY + " or on PATH";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(reason);
			}
			Assumptions.abort(reason);
		}
		return binary.get();
	}
}
