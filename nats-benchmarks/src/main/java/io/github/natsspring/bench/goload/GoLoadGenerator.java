package io.github.natsspring.bench.goload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.bench.server.ClientAccess;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * The built {@code natsload} binary: runs one load against a server (or two nodes of a cluster) as a subprocess,
 * connecting as the server's {@link ClientAccess} says, and reads the server's CPU time between the generator's
 * {@code ready} and its result line, so connecting (and the TLS handshakes) and disconnecting are not counted.
 */
public final class GoLoadGenerator {

	private static final long EXIT_TIMEOUT_SECONDS = 30;

	private final Path binary;

	private final String version;

	GoLoadGenerator(Path binary, String version) {
		this.binary = binary;
		this.version = version;
	}

	/**
	 * Returns what the generator is built from.
	 * @return e.g. {@code nats.go 1.22.1, go1.19.8}
	 */
	public String version() {
		return this.version;
	}

	/**
	 * Runs a load against a server and waits for its result.
	 * @param server the server under test
	 * @param load the load
	 * @return the result and the server's CPU time around the measured interval
	 * @throws IOException when the generator cannot be started or talked to
	 * @throws InterruptedException when interrupted while waiting for it
	 * @throws IllegalStateException when the generator reports a failure or exits abnormally
	 */
	public GoLoadRun run(ServerProcess server, GoLoad load) throws IOException, InterruptedException {
		return run(command(load, server.url(), server.access()), List.of(server));
	}

	/**
	 * Runs a load with its publisher on one node of a cluster and its subscribers on another, so that every
	 * delivery crosses the route between them, and waits for its result.
	 * @param publishingNode the node the publisher connects to
	 * @param subscribingNode the node the subscribers connect to
	 * @param load the load
	 * @return the result and the CPU time of both nodes together around the measured interval
	 * @throws IOException when the generator cannot be started or talked to
	 * @throws InterruptedException when interrupted while waiting for it
	 * @throws IllegalStateException when the generator reports a failure or exits abnormally
	 */
	public GoLoadRun runRouted(ServerProcess publishingNode, ServerProcess subscribingNode, GoLoad load)
			throws IOException, InterruptedException {
		return run(command(load, publishingNode.url(), subscribingNode.url(), publishingNode.access()),
				List.of(publishingNode, subscribingNode));
	}

	private static GoLoadRun run(List<String> command, List<ServerProcess> measured)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				OutputStream input = process.getOutputStream()) {
			String first = output.readLine();
			if (!"ready".equals(first)) {
				GoLoadReport.parse(first);
				throw new IllegalStateException("natsload printed " + first + " instead of ready");
			}
			long cpuBefore = cpuTicks(measured);
			long goAhead = System.nanoTime();
			input.write("go\n".getBytes(StandardCharsets.US_ASCII));
			input.flush();
			String line = output.readLine();
			long cpuAfter = cpuTicks(measured);
			GoLoadReport report = GoLoadReport.parse(line);
			input.close();
			awaitExit(process);
			return new GoLoadRun(report, cpuBefore, cpuAfter, goAhead);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static long cpuTicks(List<ServerProcess> servers) {
		return servers.stream().mapToLong(ServerProcess::cpuTicks).sum();
	}

	List<String> command(GoLoad load, String url, ClientAccess access) {
		return command(load, url, url, access);
	}

	List<String> command(GoLoad load, String publisherUrl, String subscriberUrl, ClientAccess access) {
		List<String> command = new ArrayList<>();
		command.add(this.binary.toString());
		command.addAll(load.arguments(publisherUrl, subscriberUrl, access));
		return command;
	}

	private static void awaitExit(Process process) throws InterruptedException {
		if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			throw new IllegalStateException("natsload did not exit within " + EXIT_TIMEOUT_SECONDS + " s");
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("natsload exited with status " + process.exitValue());
		}
	}

}
