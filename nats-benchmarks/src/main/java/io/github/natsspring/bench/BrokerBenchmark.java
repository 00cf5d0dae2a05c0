package io.github.natsspring.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsspring.bench.cluster.ClusterSession;
import io.github.natsspring.bench.cluster.ServerCluster;
import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.injvm.InJvmBrokerSession;
import io.github.natsspring.bench.jetstream.JetStreamSession;
import io.github.natsspring.bench.monitor.MonitoredLoadScenario;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.server.ServerSecurity;
import io.github.natsspring.bench.starter.StarterSession;

/**
 * Benchmarks the embedded broker against nats-server: both run as separate processes on loopback with the same
 * settings, the same load runs against each, interleaved, and a markdown report with medians and
 * broker / nats-server ratios is printed and saved under the results directory. The load comes from jnats, from
 * the nats.go generator {@code natsload} (steady state, TLS and permissions, cold start, overload, cluster), or both;
 * the TLS and permissions rows run on further pairs of servers started from a generated configuration file, the
 * cluster rows on a two-node cluster of each server. The starter's {@code NatsTemplate} and {@code @NatsListener}
 * are compared with raw jnats on nats-server, and what starting each server costs is measured last.
 */
public final class BrokerBenchmark {

	private static final String RAW_JNATS = "raw jnats";

	private static final String STARTER = "starter";

	private static final String UNREAD = "monitoring unread";

	private static final String POLLED = "/varz + /connz every " + MonitoredLoadScenario.POLL_INTERVAL.toMillis()
			+ " ms";

	private static final String TCP_LOOPBACK = "TCP loopback";

	private static final String IN_JVM = "in-JVM";

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
		BenchmarkPlan plan = BenchmarkPlan.of(options, GoLoadBuild.ofThisModule());
		PrintStream progress = System.err;
		String generatorFacts = "";
		if (!plan.goSections().isEmpty() || !plan.clusters().pairs().isEmpty() || !plan.jetStream().pairs().isEmpty()) {
			progress.println("Building the nats.go load generator");
			generatorFacts = "- nats.go load generator (natsload): " + plan.goBuild().generator().version() + "\n";
		}
		Instant started = Instant.now();
		String loadBefore = MachineDescription.loadAverage();
		Path logs = options.resultsDirectory().resolve("logs-" + FILE_TIME.format(started));

		List<ScenarioResult> results = new ArrayList<>();
		List<ScenarioResult> starterResults = new ArrayList<>();
		List<ScenarioResult> transportResults = new ArrayList<>();
		List<BenchmarkReport.Table> goTables = new ArrayList<>();
		List<ScenarioResult> startupResults = new ArrayList<>();
		Map<String, List<ScenarioResult>> monitoringResults = new LinkedHashMap<>();
		List<ScenarioResult> clusterResults = new ArrayList<>();
		String clusterFacts = "";
		List<ScenarioResult> jetStreamResults = new ArrayList<>();
		StringBuilder jetStreamFacts = new StringBuilder();
		String serverFacts;
		try (ServerPairs servers = new ServerPairs(plan, reference, candidate, logs, progress)) {
			ServerPairs.Pair plaintext = servers.pair(ServerSecurity.PLAINTEXT);
			for (BenchmarkPlan.PlannedScenario planned : plan.scenarios()) {
				results.add(plaintext.runner().run(planned.scenario(), planned.repetitions()));
			}
			InterleavedRunner starterRunner = new InterleavedRunner(
					new InterleavedRunner.Side(RAW_JNATS, plaintext.reference()),
					new InterleavedRunner.Side(STARTER, plaintext.reference()), progress);
			for (StarterSession session : plan.starterPairs()
				.stream()
				.map(BenchmarkPlan.StarterPair::session)
				.distinct()
				.toList()) {
				try (StarterSession starter = session) {
					starter.start(plaintext.reference().url());
					for (BenchmarkPlan.StarterPair pair : plan.starterPairs()) {
						if (pair.session() == starter) {
							starterResults.add(starterRunner.run(pair.raw(), pair.starter(), pair.repetitions()));
						}
					}
				}
			}
			if (!plan.transportPairs().isEmpty()) {
				try (InJvmBrokerSession broker = plan.inJvmSession()) {
					broker.start();
					// the sides' server is only nominal: both run against the broker in this JVM
					InterleavedRunner transportRunner = new InterleavedRunner(
							new InterleavedRunner.Side(TCP_LOOPBACK, plaintext.reference()),
							new InterleavedRunner.Side(IN_JVM, plaintext.reference()), progress);
					for (BenchmarkPlan.TransportPair pair : plan.transportPairs()) {
						transportResults.add(transportRunner.run(pair.tcp(), pair.inJvm(), pair.repetitions()));
					}
				}
			}
			for (BenchmarkPlan.PlannedSection section : plan.goSections()) {
				List<ScenarioResult> sectionResults = new ArrayList<>();
				for (BenchmarkPlan.PlannedScenario planned : section.scenarios()) {
					InterleavedRunner runner = servers.pair(planned.scenario().security()).runner();
					sectionResults.add(runner.run(planned.scenario(), planned.repetitions()));
				}
				goTables.add(new BenchmarkReport.Table(section.heading(), section.description(), reference.label(),
						candidate.label(), sectionResults));
			}
			BenchmarkPlan.ClusterComparison clusters = plan.clusters();
			if (!clusters.pairs().isEmpty()) {
				try (ClusterSession referenceCluster = clusters.reference();
						ClusterSession candidateCluster = clusters.candidate()) {
					referenceCluster.start(reference, logs);
					candidateCluster.start(candidate, logs);
					clusterFacts = describe(referenceCluster) + describe(candidateCluster);
					progress.print(clusterFacts);
					// the sides' server is node A, the publisher's; each row is bound to its side's cluster
					InterleavedRunner clusterRunner = new InterleavedRunner(
							new InterleavedRunner.Side(reference.label(), referenceCluster.cluster().publishingNode()),
							new InterleavedRunner.Side(candidate.label(), candidateCluster.cluster().publishingNode()),
							progress);
					clusterRunner.warmUp(clusters.loads(true), clusters.loads(false));
					for (BenchmarkPlan.ClusterPair pair : clusters.pairs()) {
						clusterResults.add(clusterRunner.run(pair.reference(), pair.candidate(), pair.repetitions()));
					}
				}
			}
			if (!plan.jetStream().pairs().isEmpty()) {
				jetStreamResults.addAll(runJetStream(plan.jetStream(), reference, candidate, logs, jetStreamFacts));
			}
			if (!plan.monitoringPairs().isEmpty()) {
				ServerPairs.Pair monitored = servers.pair(ServerSecurity.MONITORED);
				// the candidate first: the broker is what the rows are about, nats-server shows the machine's share
				for (ServerProcess server : List.of(monitored.candidate(), monitored.reference())) {
					InterleavedRunner monitoringRunner = new InterleavedRunner(
							new InterleavedRunner.Side(UNREAD, server), new InterleavedRunner.Side(POLLED, server),
							progress);
					List<ScenarioResult> serverResults = new ArrayList<>();
					for (BenchmarkPlan.MonitoringPair pair : plan.monitoringPairs()) {
						serverResults.add(monitoringRunner.run(pair.unread(), pair.polled(), pair.repetitions()));
					}
					monitoringResults.put(server.label(), serverResults);
				}
			}
			for (BenchmarkPlan.PlannedScenario planned : plan.startup()) {
				startupResults.add(plaintext.runner().run(planned.scenario(), planned.repetitions()));
			}
			serverFacts = servers.describe();
		}
		String facts = MachineDescription.describe(options) + generatorFacts + serverFacts + clusterFacts
				+ jetStreamFacts + "- load average (1/5/15 min) before: " + loadBefore + ", after: " + MachineDescription.loadAverage()
				+ "\n";
		BenchmarkReport report = new BenchmarkReport(options, args, facts, Duration.between(started, Instant.now()));
		report.add(new BenchmarkReport.Table("jnats load", null, reference.label(), candidate.label(), results), true);
		goTables.forEach((table) -> report.add(table, false));
		report.add(new BenchmarkReport.Table("Cluster (nats.go load)", "A two-node cluster of each server on loopback"
				+ " (node B routed to node A with --cluster, --cluster_name " + ServerCluster.NAME + " and --routes),"
				+ " started once and warmed; the nats.go publisher on node A, the subscriber on node B, so that every"
				+ " delivery crosses the route: routed messages per second at the subscriber, and the CPU time of both"
				+ " nodes together per routed message.", reference.label(), candidate.label(), clusterResults), false);
		report.add(new BenchmarkReport.Table("JetStream (nats.go load)", "Each server started once with JetStream"
				+ " (-js -sd <dir>, both store directories under one parent on the same file system) and warmed; every"
				+ " run on a fresh file-backed stream (deleted and created before the go-ahead) on one nats.go"
				+ " connection: js.Publish waiting for each PubAck, js.PublishAsync with 256 PubAcks outstanding, or a"
				+ " durable explicit-ack pull consumer fetching 256 at a time from a stream pre-filled before the"
				+ " go-ahead and acking every message (until the consumer's ack floor reaches the last). Throughput is"
				+ " acknowledged (consumed) messages per second; server CPU per message as in the other rows; store on"
				+ " disk is du -s -B1 of the server's store directory after the run, per message of the stream.",
				reference.label(), candidate.label(), jetStreamResults), false);
		monitoringResults.forEach((label, serverResults) -> report.add(new BenchmarkReport.Table(
				"Monitoring cost, " + label + " (nats.go load)", label
						+ " started with HTTP monitoring (http_port: -1), the same load with nobody reading the"
						+ " endpoints and while one client in the benchmark's JVM reads /varz and /connz over loopback"
						+ " every " + MonitoredLoadScenario.POLL_INTERVAL.toMillis() + " ms, alternating run by run.",
				UNREAD, POLLED, serverResults), false));
		if (!starterResults.isEmpty()) {
			report.add(new BenchmarkReport.Table("Starter against raw jnats", "The starter against raw jnats, both on "
					+ reference.label() + " (client JVM CPU per message on the publishing or receiving side); the rows"
					+ " \"observation on\" run in an application observing both, with Micrometer's default meter"
					+ " handler over a SimpleMeterRegistry, the rows \"tracing on\" with Boot's Brave tracing as well.",
					RAW_JNATS, STARTER, starterResults), true);
		}
		if (!transportResults.isEmpty()) {
			report.add(new BenchmarkReport.Table("In-JVM transport against TCP loopback", "jnats to the embedded broker"
					+ " in the benchmark's JVM, over its loopback TCP port or in-JVM; CPU is the whole JVM's: clients"
					+ " and broker.",
					TCP_LOOPBACK, IN_JVM, transportResults), true);
		}
		report.add(new BenchmarkReport.Table("Start-up", "A new server process, launch to the first byte of INFO;"
				+ " for the broker also NatsBroker.start() to the first byte of INFO in a JVM of its own, the JVM's"
				+ " first broker and the median of the warm ones started after it (a broker per test class).",
				reference.label(), candidate.label(), startupResults), false);
		report.addTargets(plan.targets());
		report.addTargets("target (issue 9, cluster rows)", plan.clusters().targets(), clusterResults);
		report.addTargets("target (issue 10, JetStream rows)", plan.jetStream().targets(), jetStreamResults);
		System.out.print(report);
		Path reportFile = options.resultsDirectory().resolve("report-" + FILE_TIME.format(started) + ".md");
		Files.writeString(reportFile, report.toString());
		progress.println("Report written to " + reportFile);
	}

	/**
	 * Starts both servers with JetStream, their store directories under one new temporary parent, runs the
	 * JetStream rows interleaved after their global warm-up, and stops both, deleting the stores.
	 */
	private static List<ScenarioResult> runJetStream(BenchmarkPlan.JetStreamComparison jetStream,
			ServerCommand reference, ServerCommand candidate, Path logs, StringBuilder facts) throws Exception {
		PrintStream progress = System.err;
		Path stores = Files.createTempDirectory("nats-bench-jetstream-");
		List<ScenarioResult> results = new ArrayList<>();
		try (JetStreamSession referenceServer = jetStream.reference();
				JetStreamSession candidateServer = jetStream.candidate()) {
			referenceServer.start(reference, stores, logs);
			candidateServer.start(candidate, stores, logs);
			FileStore fileStore = Files.getFileStore(stores);
			facts.append(ServerPairs.describe(referenceServer.server()))
				.append(ServerPairs.describe(candidateServer.server()))
				.append("- JetStream store directories under ")
				.append(stores)
				.append(" (")
				.append(fileStore.name())
				.append(", ")
				.append(fileStore.type())
				.append(")\n");
			progress.print(facts);
			InterleavedRunner runner = new InterleavedRunner(
					new InterleavedRunner.Side(reference.label(), referenceServer.server()),
					new InterleavedRunner.Side(candidate.label(), candidateServer.server()), progress);
			runner.warmUp(jetStream.loads(true), jetStream.loads(false));
			for (BenchmarkPlan.JetStreamPair pair : jetStream.pairs()) {
				results.add(runner.run(pair.reference(), pair.candidate(), pair.repetitions()));
			}
		}
		finally {
			Files.deleteIfExists(stores);
		}
		return results;
	}

	private static String describe(ClusterSession session) {
		StringBuilder text = new StringBuilder();
		session.cluster().nodes().forEach((node) -> text.append(ServerPairs.describe(node)));
		return text.toString();
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

}
