package io.github.natsspring.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.natsspring.bench.cluster.ClusterSession;
import io.github.natsspring.bench.cluster.RoutedThroughputScenario;
import io.github.natsspring.bench.goload.ColdStartScenario;
import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.goload.GoRequestReplyScenario;
import io.github.natsspring.bench.goload.GoThroughputScenario;
import io.github.natsspring.bench.goload.OverloadScenario;
import io.github.natsspring.bench.injvm.InJvmBrokerSession;
import io.github.natsspring.bench.injvm.Transport;
import io.github.natsspring.bench.injvm.TransportRequestReplyScenario;
import io.github.natsspring.bench.injvm.TransportThroughputScenario;
import io.github.natsspring.bench.jetstream.JetStreamScenario;
import io.github.natsspring.bench.jetstream.JetStreamSession;
import io.github.natsspring.bench.load.IdleConnectionsScenario;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.monitor.MonitoredLoadScenario;
import io.github.natsspring.bench.load.RequestReplyScenario;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.load.SecurityVariant;
import io.github.natsspring.bench.load.ThroughputScenario;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ServerSecurity;
import io.github.natsspring.bench.starter.PublishCostScenario;
import io.github.natsspring.bench.starter.ReceiveCostScenario;
import io.github.natsspring.bench.starter.StarterObservation;
import io.github.natsspring.bench.starter.StarterSession;
import io.github.natsspring.bench.startup.StartupScenario;

/**
 * The scenarios with their run sizes for the chosen mode: broker against nats-server under jnats load, the
 * starter against raw jnats, the sections driven by the nats.go generator (among them TLS and permissions, on
 * servers started from a configuration file), the cluster rows; and the targets of issue 4 that are judged from the
 * jnats rows.
 *
 * @param scenarios the jnats broker-versus-nats-server scenarios in run order, each with its measured repetitions
 * @param starterPairs the raw-jnats-versus-starter comparisons, run against nats-server, in order of their starter
 * application (without observation, then with)
 * @param inJvmSession the broker in the benchmark's JVM both sides of the transport comparisons use
 * @param transportPairs the TCP-loopback-versus-in-JVM comparisons, on that broker
 * @param goBuild the nats.go generator's build, run only when a section needs it
 * @param goSections the broker-versus-nats-server sections under nats.go load, in run order
 * @param monitoringPairs the broker under nats.go load with its monitoring endpoints unread and polled
 * @param clusters the nats.go load across a two-node cluster of each server, with the targets of issue 9
 * @param jetStream the nats.go JetStream loads on a server of each kind started with JetStream, with the targets of
 * issue 10
 * @param startup the start-up rows, run with either load since they need no load client
 * @param targets the targets to judge after the run
 */
record BenchmarkPlan(List<PlannedScenario> scenarios, List<StarterPair> starterPairs,
		InJvmBrokerSession inJvmSession, List<TransportPair> transportPairs, GoLoadBuild goBuild,
		List<PlannedSection> goSections, List<MonitoringPair> monitoringPairs, ClusterComparison clusters,
		JetStreamComparison jetStream, List<PlannedScenario> startup, List<Target> targets) {

	/**
	 * A scenario and how often it is measured on each server.
	 *
	 * @param scenario the scenario
	 * @param repetitions measured runs per server
	 */
	record PlannedScenario(Scenario scenario, int repetitions) {
	}

	/**
	 * A raw jnats scenario and its starter counterpart, both on one starter application's connection.
	 *
	 * @param session the starter application both sides use, observed or not
	 * @param raw the raw jnats scenario, the reference
	 * @param starter the starter scenario, the candidate
	 * @param repetitions measured runs per side
	 */
	record StarterPair(StarterSession session, Scenario raw, Scenario starter, int repetitions) {
	}

	/**
	 * A load over TCP loopback and the same load in-JVM, to the same broker.
	 *
	 * @param tcp the load over TCP loopback, the reference
	 * @param inJvm the load in-JVM, the candidate
	 * @param repetitions measured runs per side
	 */
	record TransportPair(Scenario tcp, Scenario inJvm, int repetitions) {
	}

	/**
	 * A load on the broker started with HTTP monitoring, with nobody reading the endpoints and with a poller.
	 *
	 * @param unread the load with the endpoints unread, the reference
	 * @param polled the load while a poller reads them, the candidate
	 * @param repetitions measured runs per side
	 */
	record MonitoringPair(Scenario unread, Scenario polled, int repetitions) {
	}

	/**
	 * A load on the reference server's cluster and the same load on the candidate's.
	 *
	 * @param reference the load bound to the reference cluster
	 * @param candidate the load bound to the candidate cluster
	 * @param repetitions measured runs per side
	 */
	record ClusterPair(Scenario reference, Scenario candidate, int repetitions) {
	}

	/**
	 * The cluster comparison: a two-node cluster of each server, started only when a row is selected, the rows
	 * that run on both, and the targets judged from them.
	 *
	 * @param reference the reference server's cluster
	 * @param candidate the candidate server's cluster
	 * @param pairs the selected rows in run order
	 * @param targets the targets of issue 9
	 */
	record ClusterComparison(ClusterSession reference, ClusterSession candidate, List<ClusterPair> pairs,
			List<Target> targets) {

		/**
		 * Returns the loads of one side, in run order, for the global warm-up.
		 * @param reference whether the reference side's loads are wanted, else the candidate's
		 * @return the loads
		 */
		List<Scenario> loads(boolean reference) {
			return this.pairs.stream().map((pair) -> reference ? pair.reference() : pair.candidate()).toList();
		}

	}

	/**
	 * A load on the reference server started with JetStream and the same load on the candidate.
	 *
	 * @param reference the load bound to the reference server
	 * @param candidate the load bound to the candidate server
	 * @param repetitions measured runs per side
	 */
	record JetStreamPair(Scenario reference, Scenario candidate, int repetitions) {
	}

	/**
	 * The JetStream comparison: each server started with {@code -js -sd <dir>} only when a row is selected, the
	 * rows that run on both, and the targets judged from them.
	 *
	 * @param reference the reference server with JetStream
	 * @param candidate the candidate server with JetStream
	 * @param pairs the selected rows in run order
	 * @param targets the targets of issue 10
	 */
	record JetStreamComparison(JetStreamSession reference, JetStreamSession candidate, List<JetStreamPair> pairs,
			List<Target> targets) {

		/**
		 * Returns the loads of one side, in run order, for the global warm-up.
		 * @param reference whether the reference side's loads are wanted, else the candidate's
		 * @return the loads
		 */
		List<Scenario> loads(boolean reference) {
			return this.pairs.stream().map((pair) -> reference ? pair.reference() : pair.candidate()).toList();
		}

	}

	/**
	 * A titled group of scenarios reported in a table of its own.
	 *
	 * @param heading the section's heading in the report
	 * @param description what the section measures, printed under the heading
	 * @param warmedUpFirst whether its scenarios join the global warm-up before anything is measured
	 * @param scenarios the scenarios in run order
	 */
	record PlannedSection(String heading, String description, boolean warmedUpFirst, List<PlannedScenario> scenarios) {
	}

	/**
	 * Returns the scenarios whose warm-up runs once on a pair of servers with a security before any measurement
	 * on them.
	 * @param security what the pair is started with
	 * @return the jnats scenarios and those of the sections warmed up first, that run on such servers
	 */
	List<Scenario> warmUpScenarios(ServerSecurity security) {
		List<Scenario> warmUp = new ArrayList<>(this.scenarios.stream().map(PlannedScenario::scenario).toList());
		this.goSections.stream()
			.filter(PlannedSection::warmedUpFirst)
			.forEach((section) -> section.scenarios().forEach((planned) -> warmUp.add(planned.scenario())));
		this.monitoringPairs.forEach((pair) -> warmUp.add(pair.unread()));
		warmUp.removeIf((scenario) -> scenario.security() != security);
		return warmUp;
	}

	static BenchmarkPlan of(BenchmarkOptions options, GoLoadBuild goBuild) {
		RunLimits throughput = options.quick() ? new RunLimits(750_000, Duration.ofMillis(1500))
				: new RunLimits(5_000_000, Duration.ofSeconds(6));
		RunLimits requests = options.quick() ? new RunLimits(5_000, Duration.ofSeconds(2))
				: new RunLimits(50_000, Duration.ofSeconds(8));
		RunLimits flowWhileHeld = options.quick() ? new RunLimits(200_000, Duration.ofSeconds(2))
				: new RunLimits(1_000_000, Duration.ofSeconds(4));
		int repetitions = options.effectiveRepetitions();

		Scenario publishOnly = new ThroughputScenario(ThroughputShape.publishOnly(16), throughput);
		Scenario pubSub16 = new ThroughputScenario(ThroughputShape.pubSub(16), throughput);
		Scenario pubSub128 = new ThroughputScenario(ThroughputShape.pubSub(128), throughput);
		Scenario pubSub1k = new ThroughputScenario(ThroughputShape.pubSub(1024), throughput);
		Scenario fanOut = new ThroughputScenario(ThroughputShape.fanOut(128, 4), throughput);
		Scenario queueGroup = new ThroughputScenario(ThroughputShape.queueGroup(128, 4), throughput);
		Scenario requestReply = new RequestReplyScenario(128, requests);
		Scenario idle = new IdleConnectionsScenario(options.connections(), flowWhileHeld);
		List<Scenario> throughputScenarios = List.of(publishOnly, pubSub16, pubSub128, pubSub1k, fanOut, queueGroup);

		List<PlannedScenario> planned = new ArrayList<>();
		for (Scenario scenario : throughputScenarios) {
			planned.add(new PlannedScenario(scenario, repetitions));
		}
		planned.add(new PlannedScenario(requestReply, repetitions));
		planned.add(new PlannedScenario(idle, options.quick() ? 1 : Math.min(3, repetitions)));
		planned.removeIf((entry) -> !options.load().includesJnats() || !options.selects(entry.scenario().name()));

		List<StarterPair> allStarterPairs = new ArrayList<>();
		for (StarterObservation observation : StarterObservation.values()) {
			allStarterPairs.addAll(starterPairs(new StarterSession(observation), throughput, repetitions));
		}
		Scenario rawPublish = allStarterPairs.get(0).raw();
		Scenario rawReceive = allStarterPairs.get(1).raw();
		List<StarterPair> starterPairs = new ArrayList<>(allStarterPairs);
		starterPairs.removeIf((pair) -> !options.load().includesJnats() || !options.selects(pair.raw().name()));

		InJvmBrokerSession inJvmSession = new InJvmBrokerSession();
		Scenario tcpRequestReply = new TransportRequestReplyScenario(inJvmSession, Transport.TCP_LOOPBACK, 128,
				requests);
		List<TransportPair> transportPairs = new ArrayList<>(List.of(
				new TransportPair(tcpRequestReply,
						new TransportRequestReplyScenario(inJvmSession, Transport.IN_JVM, 128, requests), repetitions),
				new TransportPair(new TransportThroughputScenario(inJvmSession, Transport.TCP_LOOPBACK, 128, throughput),
						new TransportThroughputScenario(inJvmSession, Transport.IN_JVM, 128, throughput), repetitions)));
		transportPairs.removeIf((pair) -> !options.load().includesJnats() || !options.selects(pair.tcp().name()));

		List<Target> targets = List.of(
				Target.ratioAtMost("server CPU per msg, pub/sub 16 B ≤ 1.25×", pubSub16, Metric.CPU_PER_MESSAGE, 1.25),
				Target.ratioAtMost("server CPU per msg, pub/sub 128 B ≤ 1.25×", pubSub128, Metric.CPU_PER_MESSAGE,
						1.25),
				Target.ratioAtLeastInAll("throughput ≥ 0.8× in every row", throughputScenarios, Metric.MESSAGES_PER_SECOND,
						0.8),
				Target.ratioAtMost("request-reply p50 ≤ 1.2×", requestReply, RequestReplyScenario.P50, 1.2),
				Target.ratioAtMost("request-reply p99 ≤ 1.5×", requestReply, RequestReplyScenario.P99, 1.5),
				Target.candidateAtMost("heap per idle connection ≤ 10 KB", idle,
						IdleConnectionsScenario.HEAP_PER_CONNECTION, 10),
				Target.ratioAtLeastInAll("throughput while connections are held ≥ 0.8×", List.of(idle),
						IdleConnectionsScenario.THROUGHPUT_WHILE_HELD, 0.8),
				Target.noCandidateLoss("no message loss under load"),
				Target.ratioAtMost("NatsTemplate client CPU per msg ≤ 1.15× raw publish", rawPublish,
						PublishCostScenario.CLIENT_CPU_PER_MESSAGE, 1.15),
				Target.ratioAtMost("@NatsListener client CPU per msg ≤ 1.15× raw Dispatcher", rawReceive,
						ReceiveCostScenario.CLIENT_CPU_PER_MESSAGE, 1.15),
				Target.ratioAtMost("NatsTemplate client CPU per msg, observation off ≤ 1.05× raw publish (issue 11)",
						rawPublish, PublishCostScenario.CLIENT_CPU_PER_MESSAGE, 1.05),
				Target.ratioAtMost("@NatsListener client CPU per msg, observation off ≤ 1.05× raw Dispatcher (issue 11)",
						rawReceive, ReceiveCostScenario.CLIENT_CPU_PER_MESSAGE, 1.05),
				Target.ratioAtMost("in-JVM request-reply p50 ≤ 0.5× TCP loopback (issue 12)", tcpRequestReply,
						RequestReplyScenario.P50, 0.5));
		List<PlannedSection> goSections = options.load().includesGo() ? goSections(options, goBuild) : List.of();
		List<MonitoringPair> monitoringPairs = options.load().includesGo() ? monitoringPairs(options, goBuild)
				: List.of();
		ClusterComparison clusters = clusters(options, goBuild);
		JetStreamComparison jetStream = jetStream(options, goBuild);
		// a broker per test class starts many times in one JVM: the first start and the warm ones
		Scenario startup = new StartupScenario(options.quick() ? 11 : 21);
		List<PlannedScenario> startupScenarios = options.selects(startup.name())
				? List.of(new PlannedScenario(startup, repetitions)) : List.of();
		return new BenchmarkPlan(List.copyOf(planned), List.copyOf(starterPairs), inJvmSession,
				List.copyOf(transportPairs), goBuild, goSections, monitoringPairs, clusters, jetStream, startupScenarios,
				targets);
	}

	private static List<StarterPair> starterPairs(StarterSession session, RunLimits throughput, int repetitions) {
		return List.of(
				new StarterPair(session, PublishCostScenario.rawJnats(session, 128, throughput),
						PublishCostScenario.natsTemplate(session, 128, throughput), repetitions),
				new StarterPair(session, ReceiveCostScenario.rawDispatcher(session, 128, throughput),
						ReceiveCostScenario.natsListener(session, 128, throughput), repetitions));
	}

	private static List<MonitoringPair> monitoringPairs(BenchmarkOptions options, GoLoadBuild build) {
		RunLimits throughput = goThroughput(options);
		Scenario pubSub128 = new GoThroughputScenario(build, ThroughputShape.pubSub(128), throughput);
		MonitoringPair pair = new MonitoringPair(MonitoredLoadScenario.unread(pubSub128),
				MonitoredLoadScenario.polled(pubSub128), options.effectiveRepetitions());
		return options.selects(pair.unread().name()) ? List.of(pair) : List.of();
	}

	private static ClusterComparison clusters(BenchmarkOptions options, GoLoadBuild build) {
		ClusterSession reference = new ClusterSession();
		ClusterSession candidate = new ClusterSession();
		RunLimits throughput = goThroughput(options);
		List<ClusterPair> all = new ArrayList<>();
		for (int payloadBytes : List.of(16, 128)) {
			ThroughputShape shape = ThroughputShape.pubSub(payloadBytes);
			all.add(new ClusterPair(new RoutedThroughputScenario(build, reference, shape, throughput),
					new RoutedThroughputScenario(build, candidate, shape, throughput), options.effectiveRepetitions()));
		}
		List<Target> targets = List.of(
				Target.ratioAtLeastInAll("routed throughput ≥ 0.8× in every cluster row",
						all.stream().map(ClusterPair::reference).toList(), Metric.MESSAGES_PER_SECOND, 0.8),
				Target.ratioAtMost("server CPU per routed msg (A+B), 16 B ≤ 1.25×", all.get(0).reference(),
						RoutedThroughputScenario.CPU_PER_ROUTED_MESSAGE, 1.25),
				Target.ratioAtMost("server CPU per routed msg (A+B), 128 B ≤ 1.25×", all.get(1).reference(),
						RoutedThroughputScenario.CPU_PER_ROUTED_MESSAGE, 1.25));
		List<ClusterPair> selected = all.stream()
			.filter((pair) -> options.load().includesGo() && options.selects(pair.reference().name()))
			.toList();
		return new ClusterComparison(reference, candidate, selected, targets);
	}

	private static JetStreamComparison jetStream(BenchmarkOptions options, GoLoadBuild build) {
		JetStreamSession reference = new JetStreamSession();
		JetStreamSession candidate = new JetStreamSession();
		// a PubAck per message costs a round trip: the sync row carries a tenth of the others' messages
		RunLimits sync = options.quick() ? new RunLimits(5_000, Duration.ofMillis(1500))
				: new RunLimits(20_000, Duration.ofSeconds(5));
		RunLimits windowed = options.quick() ? new RunLimits(50_000, Duration.ofMillis(1500))
				: new RunLimits(200_000, Duration.ofSeconds(10));
		int repetitions = options.effectiveRepetitions();
		List<JetStreamPair> all = List.of(
				new JetStreamPair(JetStreamScenario.publishSync(build, reference, 128, sync),
						JetStreamScenario.publishSync(build, candidate, 128, sync), repetitions),
				new JetStreamPair(JetStreamScenario.publishAsync(build, reference, 128, 256, windowed),
						JetStreamScenario.publishAsync(build, candidate, 128, 256, windowed), repetitions),
				new JetStreamPair(JetStreamScenario.pullConsume(build, reference, 128, 256, windowed),
						JetStreamScenario.pullConsume(build, candidate, 128, 256, windowed), repetitions));
		List<Target> targets = new ArrayList<>();
		targets.add(Target.ratioAtLeastInAll("JetStream throughput ≥ 0.8× in every JetStream row",
				all.stream().map(JetStreamPair::reference).toList(), Metric.MESSAGES_PER_SECOND, 0.8));
		for (JetStreamPair pair : all) {
			targets.add(Target.ratioAtMost("server CPU per msg ≤ 1.25×, " + pair.reference().name(), pair.reference(),
					Metric.CPU_PER_MESSAGE, 1.25));
		}
		List<JetStreamPair> selected = all.stream()
			.filter((pair) -> options.load().includesGo() && options.selects(pair.reference().name()))
			.toList();
		return new JetStreamComparison(reference, candidate, selected, List.copyOf(targets));
	}

	private static RunLimits goThroughput(BenchmarkOptions options) {
		// nats.go publishes several times faster than jnats, so its runs carry more messages for the same time.
		return options.quick() ? new RunLimits(2_000_000, Duration.ofMillis(1500))
				: new RunLimits(20_000_000, Duration.ofSeconds(6));
	}

	private static List<PlannedSection> goSections(BenchmarkOptions options, GoLoadBuild build) {
		RunLimits throughput = goThroughput(options);
		RunLimits requests = options.quick() ? new RunLimits(5_000, Duration.ofSeconds(2))
				: new RunLimits(50_000, Duration.ofSeconds(8));
		RunLimits firstMillion = new RunLimits(1_000_000, Duration.ofSeconds(30));
		RunLimits overload = new RunLimits(3_000_000, Duration.ofSeconds(60));
		int repetitions = options.effectiveRepetitions();

		Scenario pubSub128 = new GoThroughputScenario(build, ThroughputShape.pubSub(128), throughput);
		Scenario requestReply128 = new GoRequestReplyScenario(build, 128, requests);
		List<Scenario> steady = List.of(
				new GoThroughputScenario(build, ThroughputShape.publishOnly(16), throughput),
				new GoThroughputScenario(build, ThroughputShape.pubSub(16), throughput),
				pubSub128,
				new GoThroughputScenario(build, ThroughputShape.pubSub(1024), throughput),
				new GoThroughputScenario(build, ThroughputShape.fanOut(128, 4), throughput),
				new GoThroughputScenario(build, ThroughputShape.queueGroup(128, 4), throughput),
				requestReply128);
		List<Scenario> secured = withBaselines(options,
				List.of(variants(pubSub128, ServerSecurity.PLAINTEXT, ServerSecurity.TLS, ServerSecurity.PERMISSIONS),
						variants(requestReply128, ServerSecurity.PLAINTEXT, ServerSecurity.TLS)));
		List<ThroughputShape> coldShapes = options.quick() ? List.of(ThroughputShape.pubSub(16))
				: List.of(ThroughputShape.pubSub(16), ThroughputShape.pubSub(128));
		List<Scenario> cold = coldShapes.stream()
			.map((shape) -> (Scenario) new ColdStartScenario(build, shape, firstMillion))
			.toList();
		List<Scenario> flood = List.of(new OverloadScenario(build, 512, overload));

		List<PlannedSection> sections = new ArrayList<>();
		sections.add(section(options, "Steady state (nats.go load)", """
				Both servers started once and warmed; a nats.go publisher within the same window as the jnats rows, \
				nats.go subscribers on their own connections; server CPU per delivered message.""", true, steady,
				repetitions));
		sections.add(new PlannedSection("TLS and permissions (nats.go load)", """
				The TLS rows and the permissions row each on a pair of servers of their own, both started with the \
				same generated configuration file (-c): TLS with a self-signed certificate made at run time, or one \
				user whose publish and subscribe permissions allow and deny wildcard subjects, as whom every \
				connection authenticates. The plaintext rows, on the servers without a file, are the baseline.""",
				true, planned(secured, repetitions)));
		sections.add(section(options, "Cold start (nats.go load)", """
				A fresh server process for every run, not warmed: its first messages, measured from the go-ahead, \
				and from the process launch (start-up included).""", false, cold, repetitions));
		sections.add(section(options, "Overload (nats.go load)", """
				A nats.go publisher with no window against one subscriber that reads as fast as it can and never \
				drops on its own side: what the server loses, and whether it cuts the subscriber off.""", false, flood,
				options.quick() ? 1 : Math.min(3, repetitions)));
		sections.removeIf((section) -> section.scenarios().isEmpty());
		return List.copyOf(sections);
	}

	private static PlannedSection section(BenchmarkOptions options, String heading, String description,
			boolean warmedUpFirst, List<Scenario> scenarios, int repetitions) {
		List<Scenario> selected = scenarios.stream().filter((scenario) -> options.selects(scenario.name())).toList();
		return new PlannedSection(heading, description, warmedUpFirst, planned(selected, repetitions));
	}

	private static List<PlannedScenario> planned(List<Scenario> scenarios, int repetitions) {
		return scenarios.stream().map((scenario) -> new PlannedScenario(scenario, repetitions)).toList();
	}

	private static List<Scenario> variants(Scenario load, ServerSecurity... securities) {
		return Arrays.stream(securities).map((security) -> (Scenario) new SecurityVariant(load, security)).toList();
	}

	/**
	 * Selects among the variants of each load; a selected variant brings the first, its plaintext baseline, along,
	 * so that what TLS or permissions cost shows in the same table.
	 */
	private static List<Scenario> withBaselines(BenchmarkOptions options, List<List<Scenario>> variantsByLoad) {
		List<Scenario> selected = new ArrayList<>();
		for (List<Scenario> variants : variantsByLoad) {
			Scenario baseline = variants.get(0);
			List<Scenario> chosen = variants.stream().filter((variant) -> options.selects(variant.name())).toList();
			if (!chosen.isEmpty() && !chosen.contains(baseline)) {
				selected.add(baseline);
			}
			selected.addAll(chosen);
		}
		return selected;
	}

}
