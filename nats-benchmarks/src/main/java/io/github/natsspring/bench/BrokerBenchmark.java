package io.github.natsspring.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.report.ComparisonTable;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.starter.StarterSession;

/**
 * Benchmarks the embedded broker against nats-server: both run as separate processes on loopback with the same
 * settings, the same jnats load runs against each, interleaved, and a markdown report with medians and
 * broker / nats-server ratios is printed and saved under the results directory. Then the starter's
 * {@code NatsTemplate} and {@code @NatsListener} are compared with raw jnats on nats-server.
 */
public final class BrokerBenchmark {

	private static final String RAW_JNATS = "raw jnats";

	private static final String STARTER = "starter";

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private BrokerBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args the options, see {@code --help}
	 * @throws Exception when a server or client fails, which aborts the run
	 */
	public static void main(String[] args) throws Exception {
		if (List.of(args).contains("--help")) {
			System.out.print(BenchmarkOptions.USAGE);
			return;
		}
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		ServerCommand reference = ServerCommand.natsServer("nats-server", options.natsServer());
		ServerCommand candidate = candidateCommand(options);
		BenchmarkPlan plan = BenchmarkPlan.of(options);
		Instant started = Instant.now();
		String loadBefore = MachineDescription.loadAverage();
		Path logs = options.resultsDirectory().resolve("logs-" + FILE_TIME.format(started));
		PrintStream progress = System.err;

		List<ScenarioResult> results = new ArrayList<>();
		List<ScenarioResult> starterResults = new ArrayList<>();
		String serverFacts;
		try (ServerProcess referenceServer = ServerProcess.start(reference, logs);
				ServerProcess candidateServer = ServerProcess.start(candidate, logs)) {
			serverFacts = describeServers(referenceServer, candidateServer);
			progress.print(serverFacts);
			InterleavedRunner runner = new InterleavedRunner(
					new InterleavedRunner.Side(reference.label(), referenceServer),
					new InterleavedRunner.Side(candidate.label(), candidateServer), progress);
			runner.warmUp(plan.scenarios().stream().map(BenchmarkPlan.PlannedScenario::scenario).toList());
			for (BenchmarkPlan.PlannedScenario planned : plan.scenarios()) {
				results.add(runner.run(planned.scenario(), planned.repetitions()));
			}
			if (!plan.starterPairs().isEmpty()) {
				try (StarterSession starter = plan.starterSession()) {
					starter.start(referenceServer.url());
					InterleavedRunner starterRunner = new InterleavedRunner(
							new InterleavedRunner.Side(RAW_JNATS, referenceServer),
							new InterleavedRunner.Side(STARTER, referenceServer), progress);
					for (BenchmarkPlan.StarterPair pair : plan.starterPairs()) {
						starterResults.add(starterRunner.run(pair.raw(), pair.starter(), pair.repetitions()));
					}
				}
			}
		}
		String load = "- load average (1/5/15 min) before: " + loadBefore + ", after: "
				+ MachineDescription.loadAverage() + "\n";
		String report = report(options, args, reference, candidate, serverFacts + load, plan, results,
				starterResults, Duration.between(started, Instant.now()));
		System.out.print(report);
		Path reportFile = options.resultsDirectory().resolve("report-" + FILE_TIME.format(started) + ".md");
		Files.writeString(reportFile, report);
		progress.println("Report written to " + reportFile);
	}

	private static ServerCommand candidateCommand(BenchmarkOptions options) throws IOException {
		if (options.referenceOnly()) {
			return ServerCommand.natsServer("nats-server (B)", options.natsServer());
		}
		if (!Files.isRegularFile(options.brokerJar())) {
			throw new IOException("Broker jar " + options.brokerJar().toAbsolutePath() + " not found: build it with "
					+ "'./mvnw -B -q -pl nats-benchmarks -am package -DskipTests' or pass --reference-only");
		}
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return ServerCommand.brokerJar("broker", java, options.brokerJvmOptions(), options.brokerJar());
	}

	private static String describeServers(ServerProcess reference, ServerProcess candidate) {
		StringBuilder text = new StringBuilder();
		for (ServerProcess server : List.of(reference, candidate)) {
			text.append("- ")
				.append(server.label())
				.append(": `")
				.append(String.join(" ", server.command().listeningOn("127.0.0.1", server.address().getPort())))
				.append("` (pid ")
				.append(server.pid())
				.append(", open files limit ")
				.append(server.openFileLimit())
				.append(")\n");
		}
		return text.toString();
	}

	private static String report(BenchmarkOptions options, String[] args, ServerCommand reference,
			ServerCommand candidate, String serverFacts, BenchmarkPlan plan, List<ScenarioResult> results,
			List<ScenarioResult> starterResults, Duration took) {
		StringBuilder text = new StringBuilder();
		text.append("## Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
		text.append("Command: `java -jar nats-benchmarks/target/nats-benchmarks.jar")
			.append(args.length == 0 ? "" : " " + String.join(" ", args))
			.append("` (")
			.append(options.quick() ? "quick" : "full")
			.append(" mode, ")
			.append(options.effectiveRepetitions())
			.append(" interleaved repetitions; median ± half the range of the runs; took ")
			.append(took.toSeconds())
			.append(" s)\n\n");
		text.append(MachineDescription.describe(options));
		text.append(serverFacts).append('\n');
		if (options.referenceOnly()) {
			text.append("**Reference-only run: both columns are nats-server; this validates the tool, not the broker.**\n\n");
		}
		text.append(table(reference.label(), candidate.label(), results)).append('\n');
		text.append(lossSummary(results, reference.label(), candidate.label())).append('\n');
		if (!starterResults.isEmpty()) {
			text.append("The starter against raw jnats, both on ")
				.append(reference.label())
				.append(" (client JVM CPU per message on the publishing or receiving side):\n\n");
			text.append(table(RAW_JNATS, STARTER, starterResults)).append('\n');
			text.append(lossSummary(starterResults, RAW_JNATS, STARTER)).append('\n');
		}
		List<ScenarioResult> allResults = new ArrayList<>(results);
		allResults.addAll(starterResults);
		text.append("| target (issue 4) | measured | verdict |\n|---|---:|---|\n");
		for (Target target : plan.targets()) {
			Target.Verdict verdict = target.verdict(allResults);
			text.append("| ")
				.append(target.description())
				.append(" | ")
				.append(verdict.measured())
				.append(" | ")
				.append(verdict.status())
				.append(" |\n");
		}
		return text.toString();
	}

	private static String table(String referenceLabel, String candidateLabel, List<ScenarioResult> results) {
		ComparisonTable table = new ComparisonTable(referenceLabel, candidateLabel);
		for (ScenarioResult result : results) {
			for (Metric metric : result.scenario().metrics()) {
				table.add(result.scenario().name(), metric.name(), metric.unit(), result.referenceValues(metric),
						result.candidateValues(metric));
			}
		}
		return table.toMarkdown();
	}

	private static String lossSummary(List<ScenarioResult> results, String reference, String candidate) {
		long referenceLost = results.stream().mapToLong(ScenarioResult::referenceLost).sum();
		long candidateLost = results.stream().mapToLong(ScenarioResult::candidateLost).sum();
		if (referenceLost == 0 && candidateLost == 0) {
			return "Every published message was delivered in every measured run.\n";
		}
		return String.format("Messages lost in measured runs: %s %,d, %s %,d.%n", reference, referenceLost, candidate,
				candidateLost);
	}

}
