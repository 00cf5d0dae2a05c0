package io.github.natsspring.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server under test running as a separate OS process on a free loopback port, with its output in a log file.
 * Exposes what the scenarios read around each run: the URL, CPU ticks, resident memory and, for a JVM, live heap.
 */
public final class ServerProcess implements AutoCloseable {

	private static final String LOOPBACK = "127.0.0.1";

	private static final String MONITOR_STARTED = "Starting http monitor on ";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final ServerCommand command;

	private final Process process;

	private final int port;

	private final Path logDirectory;

	private final Path log;

	private ServerProcess(ServerCommand command, Process process, int port, Path logDirectory, Path log) {
		this.command = command;
		this.process = process;
		this.port = port;
		this.logDirectory = logDirectory;
		this.log = log;
	}

	/**
	 * Starts the server and waits until its port accepts connections.
	 * @param command what to launch
	 * @param logDirectory where the server's output goes
	 * @return the running server
	 */
	public static ServerProcess start(ServerCommand command, Path logDirectory) {
		int port = freePort();
		Path log = logDirectory.resolve(command.label().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + port + ".log");
		try {
			Files.createDirectories(logDirectory);
			Process process = new ProcessBuilder(command.listeningOn(LOOPBACK, port)).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			ServerProcess server = new ServerProcess(command, process, port, logDirectory, log);
			server.awaitListening();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + command.describe(), ex);
		}
	}

	/**
	 * Starts a fresh process of the same server on another port, for measurements that need a clean baseline.
	 * @return the new running server
	 */
	public ServerProcess startFresh() {
		return start(this.command, this.logDirectory);
	}

	/**
	 * Returns the label shown in the report.
	 * @return the label
	 */
	public String label() {
		return this.command.label();
	}

	/**
	 * Returns the command this server was started with.
	 * @return the command
	 */
	public ServerCommand command() {
		return this.command;
	}

	/**
	 * Returns the client URL of this server.
	 * @return a {@code nats://127.0.0.1:<port>} URL, {@code tls://} when the server requires TLS
	 */
	public String url() {
		return access().scheme() + "://" + LOOPBACK + ":" + this.port;
	}

	/**
	 * Returns how clients reach this server: over TLS or not, as which user.
	 * @return the access its configuration file requires
	 */
	public ClientAccess access() {
		return this.command.configuration().access();
	}

	/**
	 * Returns the socket address of this server.
	 * @return the loopback address and port
	 */
	public InetSocketAddress address() {
		return new InetSocketAddress(LOOPBACK, this.port);
	}

	/**
	 * Returns the operating system process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Returns whether the server is a JVM whose heap can be measured.
	 * @return {@code true} for the Java broker
	 */
	public boolean jvm() {
		return this.command.jvm();
	}

	/**
	 * Reads the CPU time the server has used so far.
	 * @return user plus system time in clock ticks
	 */
	public long cpuTicks() {
		return ProcessCpu.readTicks(pid());
	}

	/**
	 * Reads the server's resident set size.
	 * @return VmRSS in kilobytes
	 */
	public long residentKilobytes() {
		return ProcessMemory.readResidentKilobytes(pid());
	}

	/**
	 * Collects garbage in the server's JVM and reads the live heap.
	 * @return the live heap in kilobytes
	 */
	public double liveHeapKilobytes() {
		return JvmHeap.readLiveKilobytes(pid());
	}

	/**
	 * Reads the server's soft limit on open files.
	 * @return the limit, or -1 when unlimited
	 */
	public long openFileLimit() {
		return ProcessMemory.readOpenFileLimit(pid());
	}

	/**
	 * Returns the file the server's output goes to.
	 * @return the log file
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * Counts the lines of the server's log so far that contain a text, e.g. its slow-consumer notices.
	 * @param text the text to look for, case-insensitively
	 * @return the number of lines containing it
	 */
	public long logLinesContaining(String text) {
		String wanted = text.toLowerCase(Locale.ROOT);
		try (Stream<String> lines = Files.lines(this.log, StandardCharsets.ISO_8859_1)) {
			return lines.filter((line) -> line.toLowerCase(Locale.ROOT).contains(wanted)).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the log " + this.log, ex);
		}
	}

	/**
	 * Returns the port of the server's HTTP monitoring, from the line both nats-server and the broker log when
	 * it starts ({@code Starting http monitor on <host>:<port>}).
	 * @return the monitoring port
	 * @throws IllegalStateException when the server was started without monitoring
	 */
	public int monitoringPort() {
		try (Stream<String> lines = Files.lines(this.log, StandardCharsets.ISO_8859_1)) {
			String line = lines.filter((candidate) -> candidate.contains(MONITOR_STARTED))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(label() + " runs without HTTP monitoring; log " + this.log));
			return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the log " + this.log, ex);
		}
	}

	/**
	 * Fails when the server process has exited, quoting the end of its log.
	 */
	public void checkAlive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(label() + " exited with status " + this.process.exitValue() + "; log "
					+ this.log + ":\n" + logTail());
		}
	}

	/**
	 * Stops the server and waits for it to exit.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private void awaitListening() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			checkAlive();
			try (Socket socket = new Socket()) {
				socket.connect(address(), 1000);
				return;
			}
			catch (IOException notYetListening) {
				sleepBriefly();
			}
		}
		close();
		throw new IllegalStateException(label() + " did not listen on port " + this.port + " within "
				+ STARTUP_TIMEOUT.toSeconds() + " s; log " + this.log + ":\n" + logTail());
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a server", ex);
		}
	}

	/**
	 * Finds a loopback port nobody listens on, e.g. for a cluster node's route port.
	 * @return the port, free when this returns
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find a free port", ex);
		}
	}

}
