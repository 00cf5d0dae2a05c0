package io.github.natsspring.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerConfiguration;
import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.server.ServerSecurity;

/**
 * The reference and candidate servers of a run, one pair per {@link ServerSecurity} its scenarios need, each
 * started when first asked for, with its configuration file (and certificate) written into the log directory, and
 * warmed with every scenario that runs on it before it measures anything. Both servers of a pair get the same
 * file; all pairs run until the end of the run.
 */
final class ServerPairs implements AutoCloseable {

	/**
	 * Two servers started with the same security, and the runner that interleaves a scenario on them.
	 *
	 * @param reference the reference server
	 * @param candidate the candidate server
	 * @param runner the runner over both
	 */
	record Pair(ServerProcess reference, ServerProcess candidate, InterleavedRunner runner) {
	}

	private final BenchmarkPlan plan;

	private final ServerCommand reference;

	private final ServerCommand candidate;

	private final Path logs;

	private final PrintStream progress;

	private final Map<ServerSecurity, Pair> pairs = new EnumMap<>(ServerSecurity.class);

	private final List<ServerProcess> started = new ArrayList<>();

	ServerPairs(BenchmarkPlan plan, ServerCommand reference, ServerCommand candidate, Path logs, PrintStream progress) {
		this.plan = plan;
		this.reference = reference;
		this.candidate = candidate;
		this.logs = logs;
		this.progress = progress;
	}

	/**
	 * Returns the pair with a security, starting and warming it on first use.
	 * @param security what both servers are started with
	 * @return the running pair
	 * @throws Exception when a file cannot be written, a server does not start or a warm-up run fails
	 */
	Pair pair(ServerSecurity security) throws Exception {
		Pair pair = this.pairs.get(security);
		if (pair == null) {
			pair = start(security);
			this.pairs.put(security, pair);
			pair.runner().warmUp(this.plan.warmUpScenarios(security));
		}
		return pair;
	}

	/**
	 * Describes every server started so far, for the report's facts.
	 * @return one line per server: label, command line, pid, open files limit
	 */
	String describe() {
		StringBuilder text = new StringBuilder();
		for (ServerProcess server : this.started) {
			text.append(describe(server));
		}
		return text.toString();
	}

	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
	}

	private Pair start(ServerSecurity security) throws IOException, InterruptedException {
		ServerConfiguration configuration = security.configure(this.logs);
		ServerProcess referenceServer = start(this.reference.configuredBy(configuration));
		ServerProcess candidateServer = start(this.candidate.configuredBy(configuration));
		InterleavedRunner runner = new InterleavedRunner(
				new InterleavedRunner.Side(this.reference.label(), referenceServer),
				new InterleavedRunner.Side(this.candidate.label(), candidateServer), this.progress);
		return new Pair(referenceServer, candidateServer, runner);
	}

	private ServerProcess start(ServerCommand command) {
		ServerProcess server = ServerProcess.start(command, this.logs);
		this.started.add(server);
		this.progress.print(describe(server));
		return server;
	}

	/**
	 * Describes one server for the report's facts.
	 * @param server the server
	 * @return its line: label, command line, pid, open files limit
	 */
	static String describe(ServerProcess server) {
		return "- " + server.label() + ": `"
				+ String.join(" ", server.command().listeningOn("127.0.0.1", server.address().getPort())) + "` (pid "
				+ server.pid() + ", open files limit " + server.openFileLimit() + ")\n";
	}

}
