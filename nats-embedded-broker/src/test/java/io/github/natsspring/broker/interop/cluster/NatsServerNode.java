package io.github.natsspring.broker.interop.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.natsspring.broker.interop.NatsServerBinary;

import static org.awaitility.Awaitility.await;

/**
 * A cluster node that is a nats-server process, with monitoring on and its system account left on, so that its
 * peers see the {@code $SYS} route traffic a real cluster carries. Killing it is {@code SIGKILL}.
 */
final class NatsServerNode extends ClusterNode {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	/** Logged after "Server is ready", once the route port listens too. */
	private static final String ROUTES_LISTENING = "Listening for route connections";

	private Path workDirectory;

	private Path log;

	private int starts;

	private Process process;

	NatsServerNode(NodeSpec spec) {
		super(spec);
	}

	@Override
	void start() throws IOException {
		Path binary = NatsServerBinary.require();
		if (workDirectory == null) {
			workDirectory = Files.createTempDirectory("nats-server-cluster");
		}
		starts++;
		log = workDirectory.resolve("nats-server-" + starts + ".log");
		process = new ProcessBuilder(command(binary)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			await().atMost(STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(20))
				.failFast("nats-server exited", () -> !process.isAlive())
				.until(() -> Files.readString(log).contains(ROUTES_LISTENING));
		}
		catch (RuntimeException ex) {
			kill();
			throw new IllegalStateException(this + " did not start; its log:\n" + Files.readString(log), ex);
		}
	}

	private List<String> command(Path binary) {
		NodeSpec spec = spec();
		List<String> command = new ArrayList<>(List.of(binary.toString(), "-a", "127.0.0.1", "-p",
				Integer.toString(spec.ports().client()), "-m", Integer.toString(spec.ports().monitoring()), "--server_name",
				spec.name(), "--cluster", listenUrl(spec)));
		if (spec.clusterName() != null) {
			command.add("--cluster_name");
			command.add(spec.clusterName());
		}
		if (!spec.routes().isEmpty()) {
			command.add("--routes");
			command.add(spec.routes().stream().map(Object::toString).collect(Collectors.joining(",")));
		}
		return command;
	}

	/** The cluster listen URL; its user info is what nats-server requires from routes. */
	private static String listenUrl(NodeSpec spec) {
		String url = spec.ports().routeUrl();
		return (spec.credentials() != null) ? spec.credentials().on(url).toString() : url;
	}

	@Override
	void kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this + " did not exit after SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process = null;
	}

	@Override
	void enterLameDuckMode() throws IOException, InterruptedException {
		Process signal = new ProcessBuilder(NatsServerBinary.require().toString(), "--signal", "ldm=" + process.pid())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!signal.waitFor(5, TimeUnit.SECONDS) || signal.exitValue() != 0) {
			throw new IllegalStateException("nats-server --signal ldm failed for " + this);
		}
	}

	@Override
	boolean isRunning() {
		return process != null;
	}

	@Override
	NodeKind kind() {
		return NodeKind.NATS_SERVER;
	}

	@Override
	Optional<String> log() throws IOException {
		return (log != null) ? Optional.of(Files.readString(log)) : Optional.empty();
	}

	@Override
	public void close() throws Exception {
		super.close();
		if (workDirectory != null) {
			try (Stream<Path> files = Files.walk(workDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach(NatsServerNode::delete);
			}
			workDirectory = null;
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
}
