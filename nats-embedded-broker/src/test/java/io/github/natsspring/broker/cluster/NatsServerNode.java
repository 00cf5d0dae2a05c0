package io.github.natsspring.broker.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.natsspring.broker.interop.NatsServerBinary;

import static org.awaitility.Awaitility.await;

/** A nats-server 2.9.10 process as a cluster node on loopback ports, with its log in a file. */
final class NatsServerNode implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;

	private final int clusterPort;

	private final int monitoringPort;

	private final Path log;

	private final Process process;

	private NatsServerNode(int port, int clusterPort, int monitoringPort, Path log, Process process) {
		this.port = port;
		this.clusterPort = clusterPort;
		this.monitoringPort = monitoringPort;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts a node and waits until it is ready.
	 * @param name the server name
	 * @param clusterName the cluster name
	 * @param extraArguments more flags, such as {@code --routes}
	 */
	static NatsServerNode start(String name, String clusterName, String... extraArguments) throws IOException {
		return start(name, clusterName, "", extraArguments);
	}

	/** Starts a node whose routes must present {@code user:password}. */
	static NatsServerNode startWithRouteAuthorization(String name, String clusterName, String user, String password,
			String... extraArguments) throws IOException {
		return start(name, clusterName, user + ":" + password + "@", extraArguments);
	}

	/** Starts a node on a cluster port chosen beforehand. */
	static NatsServerNode startOnClusterPort(String name, String clusterName, int clusterPort,
			String... extraArguments) throws IOException {
		return start(name, clusterName, "", clusterPort, extraArguments);
	}

	private static NatsServerNode start(String name, String clusterName, String userInfo, String... extraArguments)
			throws IOException {
		return start(name, clusterName, userInfo, freePort(), extraArguments);
	}

	private static NatsServerNode start(String name, String clusterName, String userInfo, int clusterPort,
			String... extraArguments) throws IOException {
		int port = freePort();
		int monitoringPort = freePort();
		Path log = Files.createTempFile("nats-server-" + name, ".log");
		List<String> command = new ArrayList<>(List.of(NatsServerBinary.require().toString(), "-a", "127.0.0.1", "-p",
				Integer.toString(port), "-n", name, "--cluster", "nats://" + userInfo + "127.0.0.1:" + clusterPort, "--cluster_name",
				clusterName, "-m", Integer.toString(monitoringPort), "-DV"));
		command.addAll(List.of(extraArguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		NatsServerNode node = new NatsServerNode(port, clusterPort, monitoringPort, log, process);
		try {
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> node.log().contains("Server is ready"));
		}
		catch (RuntimeException ex) {
			node.close();
			throw new IllegalStateException("nats-server did not start:\n" + node.log(), ex);
		}
		return node;
	}

	static String routes(int... clusterPorts) {
		StringBuilder routes = new StringBuilder();
		for (int clusterPort : clusterPorts) {
			routes.append((routes.length() > 0) ? "," : "").append("nats-route://127.0.0.1:").append(clusterPort);
		}
		return routes.toString();
	}

	int port() {
		return this.port;
	}

	int clusterPort() {
		return this.clusterPort;
	}

	String clientUrl() {
		return "nats://127.0.0.1:" + this.port;
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The number of routes nats-server's {@code /routez} reports. */
	int routeCount() {
		String routez = monitor("/routez");
		Matcher matcher = Pattern.compile("\"num_routes\":\\s*(\\d+)").matcher(routez);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	/** A monitoring endpoint's body. */
	String monitor(String path) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.monitoringPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		try {
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			// a temporary file left behind
		}
	}
}
