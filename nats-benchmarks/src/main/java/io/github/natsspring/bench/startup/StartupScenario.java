package io.github.natsspring.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.report.Statistics;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * What starting a server costs. For both servers: a new process, from its launch to the first byte of INFO on its
 * port. For the JVM broker also what a test suite with a broker per test class pays: in a JVM of its own
 * ({@link BrokerStartProbe}), from {@code NatsBroker.start()} to the first byte of INFO, for the JVM's first broker
 * and, as the median of the later starts, for a warm one. nats-server has no in-process start: n/a there.
 */
public final class StartupScenario implements Scenario {

	/** From launching the process to the first byte of INFO read on its port. */
	public static final Metric LAUNCH_TO_INFO = new Metric("process launch to INFO", "ms");

	/** The JVM's first {@code NatsBroker.start()} to the first byte of INFO. */
	public static final Metric FIRST_START = new Metric("first start() in a JVM to INFO", "ms");

	/** The median of the later {@code NatsBroker.start()} calls in that JVM, to the first byte of INFO. */
	public static final Metric WARM_START = new Metric("warm start() to INFO, median", "ms");

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

	private final int starts;

	/**
	 * Creates the scenario.
	 * @param starts how many brokers the probe starts one after the other in its JVM, the first included
	 */
	public StartupScenario(int starts) {
		this.starts = starts;
	}

	@Override
	public String name() {
		return "start-up, " + (this.starts - 1) + " warm starts";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(LAUNCH_TO_INFO, FIRST_START, WARM_START);
	}

	@Override
	public boolean publishesMessages() {
		return false;
	}

	/** A warm-up run does nothing: a first start is what is measured. */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		Sample sample = new Sample();
		if (phase == Phase.WARM_UP) {
			return sample;
		}
		sample.with(LAUNCH_TO_INFO, launchToInfoMillis(server));
		if (!server.jvm()) {
			return sample;
		}
		List<Long> nanos = probeStarts(server);
		return sample.with(FIRST_START, nanos.get(0) / 1e6)
			.with(WARM_START, Statistics.median(nanos.subList(1, nanos.size()).stream().map((n) -> n / 1e6).toList()));
	}

	private static double launchToInfoMillis(ServerProcess server) throws IOException, InterruptedException {
		int port = freePort();
		long launched = System.nanoTime();
		Process process = new ProcessBuilder(server.command().listeningOn("127.0.0.1", port))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			long deadline = launched + TIMEOUT.toNanos();
			while (System.nanoTime() < deadline && process.isAlive()) {
				if (readsInfo(port)) {
					return (System.nanoTime() - launched) / 1e6;
				}
				LockSupport.parkNanos(POLL_NANOS);
			}
			throw new IllegalStateException(server.label() + " did not answer on port " + port + " within "
					+ TIMEOUT.toSeconds() + " s of its launch");
		}
		finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static boolean readsInfo(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			socket.setSoTimeout(10_000);
			InputStream in = socket.getInputStream();
			return in.read() >= 0;
		}
		catch (IOException notYetListening) {
			return false;
		}
	}

	// the probe runs on the tool's class path, which holds the broker, with the broker's java and JVM options
	private List<Long> probeStarts(ServerProcess server) throws IOException, InterruptedException {
		List<String> brokerCommand = server.command().command();
		List<String> command = new ArrayList<>(brokerCommand.subList(0, brokerCommand.indexOf("-jar")));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerStartProbe.class.getName(),
				Integer.toString(this.starts)));
		Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				output.add(line);
			}
		}
		if (!probe.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			probe.destroyForcibly();
			throw new IllegalStateException("The start-up probe did not end within " + TIMEOUT.toSeconds() + " s");
		}
		String result = output.stream().filter((line) -> line.startsWith("starts ")).findFirst()
			.orElseThrow(() -> new IllegalStateException("The start-up probe printed no result:\n"
					+ String.join("\n", output)));
		return Arrays.stream(result.substring("starts ".length()).split(" ")).map(Long::parseLong).toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
