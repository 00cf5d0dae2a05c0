package io.github.natsspring.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.natsspring.bench.cluster.RoutedThroughputScenario;
import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ServerSecurity;
import io.github.natsspring.bench.starter.StarterObservation;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkPlanTests {

	private final GoLoadBuild build = GoLoadBuild.inModule(Path.of("."));

	@Test
	void goLoadPlansTheFourNatsGoSectionsAndNoJnatsRows() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", "go"), this.build);

		assertThat(plan.scenarios()).isEmpty();
		assertThat(plan.starterPairs()).isEmpty();
		assertThat(plan.transportPairs()).isEmpty();
		assertThat(plan.goSections()).extracting(BenchmarkPlan.PlannedSection::heading)
			.containsExactly("Steady state (nats.go load)", "TLS and permissions (nats.go load)",
					"Cold start (nats.go load)", "Overload (nats.go load)");
		assertThat(names(plan.goSections().get(0))).containsExactly("publish only, 16 B", "pub/sub 1:1, 16 B",
				"pub/sub 1:1, 128 B", "pub/sub 1:1, 1 KB", "fan-out 1→4, 128 B", "queue group 1→4, 128 B",
				"request-reply, 128 B");
	}

	@Test
	void theStartUpRowRunsWithEitherLoadAndCanBeSelectedAlone() {
		for (String load : List.of("go", "jnats", "both")) {
			BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", load), this.build);
			assertThat(plan.startup()).extracting((planned) -> planned.scenario().name())
				.containsExactly("start-up, 10 warm starts");
		}
		BenchmarkPlan alone = BenchmarkPlan.of(BenchmarkOptions.parse("--only", "start-up"), this.build);
		assertThat(alone.scenarios()).isEmpty();
		assertThat(alone.startup()).extracting((planned) -> planned.scenario().name())
			.containsExactly("start-up, 20 warm starts");
		assertThat(BenchmarkPlan.of(BenchmarkOptions.parse("--only", "fan-out"), this.build).startup()).isEmpty();
	}

	@Test
	void jnatsLoadPlansNoNatsGoSection() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", "jnats"), this.build);

		assertThat(plan.goSections()).isEmpty();
		assertThat(plan.scenarios()).isNotEmpty();
		assertThat(plan.starterPairs()).isNotEmpty();
	}

	@Test
	void theStarterRowsRunWithoutObservationAndThenWithIt() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", "jnats"), this.build);

		assertThat(plan.starterPairs()).extracting((pair) -> pair.raw().name())
			.containsExactly("publish 128 B", "receive 128 B", "publish 128 B, observation on",
					"receive 128 B, observation on", "publish 128 B, tracing on", "receive 128 B, tracing on");
		assertThat(plan.starterPairs()).extracting((pair) -> pair.session().observation())
			.containsExactly(StarterObservation.OFF, StarterObservation.OFF, StarterObservation.METERS,
					StarterObservation.METERS, StarterObservation.TRACING, StarterObservation.TRACING);
		assertThat(plan.starterPairs())
			.allSatisfy((pair) -> assertThat(pair.starter().name()).isEqualTo(pair.raw().name()));
	}

	@Test
	void selectingObservationPlansTheObservedStarterRowsAlone() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "jnats", "--only", "observation"),
				this.build);

		assertThat(plan.scenarios()).isEmpty();
		assertThat(plan.transportPairs()).isEmpty();
		assertThat(plan.starterPairs()).extracting((pair) -> pair.raw().name())
			.containsExactly("publish 128 B, observation on", "receive 128 B, observation on");
	}

	@Test
	void selectingMonitoringPlansTheBrokersPolledAndUnreadRunsUnderTheGoLoadAlone() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--only", "monitoring"), this.build);

		assertThat(plan.scenarios()).isEmpty();
		assertThat(plan.starterPairs()).isEmpty();
		assertThat(plan.goSections()).isEmpty();
		assertThat(plan.monitoringPairs()).singleElement().satisfies((pair) -> {
			assertThat(pair.unread().name()).isEqualTo("pub/sub 1:1, 128 B, monitoring");
			assertThat(pair.polled().security()).isEqualTo(ServerSecurity.MONITORED);
		});
		assertThat(plan.warmUpScenarios(ServerSecurity.MONITORED))
			.containsExactly(plan.monitoringPairs().get(0).unread());
		assertThat(BenchmarkPlan.of(BenchmarkOptions.parse("--load", "jnats", "--only", "monitoring"), this.build)
			.monitoringPairs()).isEmpty();
	}

	@Test
	void selectingTransportPlansTheInJvmComparisonsAlone() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", "jnats", "--only", "transport"),
				this.build);

		assertThat(plan.scenarios()).isEmpty();
		assertThat(plan.starterPairs()).isEmpty();
		assertThat(plan.transportPairs()).extracting((pair) -> pair.tcp().name())
			.containsExactly("transport request-reply, 128 B", "transport pub/sub, 128 B");
		assertThat(plan.transportPairs()).extracting((pair) -> pair.inJvm().name())
			.containsExactly("transport request-reply, 128 B", "transport pub/sub, 128 B");
	}

	@Test
	void theSteadyStateAndPlaintextBaselineRowsWarmUpThePlaintextServers() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", "go"), this.build);

		List<String> expected = new ArrayList<>(names(plan.goSections().get(0)));
		expected.addAll(List.of("pub/sub 1:1, 128 B, plaintext", "request-reply, 128 B, plaintext"));
		assertThat(plan.warmUpScenarios(ServerSecurity.PLAINTEXT)).extracting(Scenario::name)
			.containsExactlyElementsOf(expected);
	}

	@Test
	void serversWithAConfigurationFileWarmUpWithTheRowsThatRunOnThem() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", "go"), this.build);

		assertThat(plan.warmUpScenarios(ServerSecurity.TLS)).extracting(Scenario::name)
			.containsExactly("pub/sub 1:1, 128 B, TLS", "request-reply, 128 B, TLS");
		assertThat(plan.warmUpScenarios(ServerSecurity.PERMISSIONS)).extracting(Scenario::name)
			.containsExactly("pub/sub 1:1, 128 B, permissions");
	}

	@Test
	void tlsAndPermissionsRowsRunOnServersWithTheirSecurityNextToTheirPlaintextBaselines() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "go"), this.build);

		BenchmarkPlan.PlannedSection section = plan.goSections().get(1);
		assertThat(names(section)).containsExactly("pub/sub 1:1, 128 B, plaintext", "pub/sub 1:1, 128 B, TLS",
				"pub/sub 1:1, 128 B, permissions", "request-reply, 128 B, plaintext", "request-reply, 128 B, TLS");
		assertThat(section.scenarios()).extracting((planned) -> planned.scenario().security())
			.containsExactly(ServerSecurity.PLAINTEXT, ServerSecurity.TLS, ServerSecurity.PERMISSIONS,
					ServerSecurity.PLAINTEXT, ServerSecurity.TLS);
		assertThat(section.scenarios()).extracting(BenchmarkPlan.PlannedScenario::repetitions).containsOnly(5);
	}

	@Test
	void selectingTlsBringsThePlaintextBaselinesAlongAndNothingElse() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--only", "tls"), this.build);

		assertThat(plan.scenarios()).isEmpty();
		assertThat(plan.starterPairs()).isEmpty();
		assertThat(plan.transportPairs()).isEmpty();
		assertThat(plan.goSections()).singleElement()
			.satisfies((section) -> assertThat(names(section)).containsExactly("pub/sub 1:1, 128 B, plaintext",
					"pub/sub 1:1, 128 B, TLS", "request-reply, 128 B, plaintext", "request-reply, 128 B, TLS"));
	}

	@Test
	void selectingPermissionsBringsOnlyThePubSubBaselineAlong() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "go", "--only", "permissions"),
				this.build);

		assertThat(plan.goSections()).singleElement()
			.satisfies((section) -> assertThat(names(section)).containsExactly("pub/sub 1:1, 128 B, plaintext",
					"pub/sub 1:1, 128 B, permissions"));
	}

	@Test
	void onlyFiltersTheNatsGoSectionsAndDropsEmptyOnes() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "both", "--only", "overload"),
				this.build);

		assertThat(plan.scenarios()).isEmpty();
		assertThat(plan.goSections()).singleElement()
			.satisfies((section) -> assertThat(names(section)).containsExactly("overload 1:1, 512 B, no window"));
	}

	@Test
	void coldStartMeasuresTheFirstMillionAtOneSizeInQuickModeAndTwoInFullMode() {
		BenchmarkPlan quick = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--only", "cold"), this.build);
		BenchmarkPlan full = BenchmarkPlan.of(BenchmarkOptions.parse("--only", "cold"), this.build);

		assertThat(names(quick.goSections().get(0))).containsExactly("cold start, first 1,000,000 msgs, pub/sub 1:1, 16 B");
		assertThat(names(full.goSections().get(0))).containsExactly("cold start, first 1,000,000 msgs, pub/sub 1:1, 16 B",
				"cold start, first 1,000,000 msgs, pub/sub 1:1, 128 B");
	}

	@Test
	void goLoadPlansTheClusterRowsOnAClusterOfEachServer() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--quick", "--load", "go"), this.build);

		List<BenchmarkPlan.ClusterPair> pairs = plan.clusters().pairs();
		assertThat(pairs).extracting((pair) -> pair.reference().name())
			.containsExactly("pub/sub 1:1, 16 B, cluster A→B", "pub/sub 1:1, 128 B, cluster A→B");
		assertThat(pairs).allSatisfy((pair) -> {
			assertThat(pair.candidate().name()).isEqualTo(pair.reference().name());
			assertThat(pair.candidate()).isNotSameAs(pair.reference());
			assertThat(pair.repetitions()).isEqualTo(3);
		});
		assertThat(plan.clusters().reference()).isNotSameAs(plan.clusters().candidate());
		assertThat(plan.clusters().loads(true)).containsExactly(pairs.get(0).reference(), pairs.get(1).reference());
		assertThat(plan.clusters().loads(false)).containsExactly(pairs.get(0).candidate(), pairs.get(1).candidate());
	}

	@Test
	void selectingClusterPlansTheClusterRowsAloneAndWarmsNoPairOfSingleServers() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--only", "cluster"), this.build);

		assertThat(plan.scenarios()).isEmpty();
		assertThat(plan.goSections()).isEmpty();
		assertThat(plan.monitoringPairs()).isEmpty();
		assertThat(plan.startup()).isEmpty();
		assertThat(plan.clusters().pairs()).hasSize(2);
		assertThat(plan.warmUpScenarios(ServerSecurity.PLAINTEXT)).isEmpty();
	}

	@Test
	void jnatsLoadPlansNoClusterRow() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "jnats", "--only", "cluster"),
				this.build);

		assertThat(plan.clusters().pairs()).isEmpty();
	}

	@Test
	void theClusterTargetsAreJudgedFromTheRowsFiledUnderTheReferenceCluster() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "go", "--only", "cluster"), this.build);
		List<ScenarioResult> results = new ArrayList<>();
		for (BenchmarkPlan.ClusterPair pair : plan.clusters().pairs()) {
			ScenarioResult result = new ScenarioResult(pair.reference());
			result.reference()
				.add(new Sample().with(Metric.MESSAGES_PER_SECOND, 1_000_000)
					.with(RoutedThroughputScenario.CPU_PER_ROUTED_MESSAGE, 1.0));
			result.candidate()
				.add(new Sample().with(Metric.MESSAGES_PER_SECOND, 900_000)
					.with(RoutedThroughputScenario.CPU_PER_ROUTED_MESSAGE, 1.3));
			results.add(result);
		}

		assertThat(plan.clusters().targets()).extracting((target) -> target.verdict(results))
			.containsExactly(new Target.Verdict("worst 0.90×", Target.Status.MET),
					new Target.Verdict("1.30×", Target.Status.NOT_MET),
					new Target.Verdict("1.30×", Target.Status.NOT_MET));
	}

	@Test
	void selectingJetStreamPlansItsThreeRowsAloneOnAServerOfEachKind() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "go", "--only", "jetstream",
				"--repetitions", "3"), this.build);

		List<BenchmarkPlan.JetStreamPair> pairs = plan.jetStream().pairs();
		assertThat(pairs).extracting((pair) -> pair.reference().name())
			.containsExactly("JetStream publish, sync (1 in flight), 128 B",
					"JetStream publish, async (256 in flight), 128 B",
					"JetStream pull consume, batch 256, ack each, 128 B");
		assertThat(pairs).allSatisfy((pair) -> {
			assertThat(pair.candidate().name()).isEqualTo(pair.reference().name());
			assertThat(pair.candidate()).isNotSameAs(pair.reference());
			assertThat(pair.repetitions()).isEqualTo(3);
		});
		assertThat(plan.jetStream().reference()).isNotSameAs(plan.jetStream().candidate());
		assertThat(plan.jetStream().loads(false)).extracting(Scenario::name)
			.containsExactlyElementsOf(plan.jetStream().loads(true).stream().map(Scenario::name).toList());
		assertThat(plan.goSections()).isEmpty();
		assertThat(plan.clusters().pairs()).isEmpty();
		assertThat(plan.warmUpScenarios(ServerSecurity.PLAINTEXT)).isEmpty();
	}

	@Test
	void jnatsLoadPlansNoJetStreamRow() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "jnats", "--only", "jetstream"),
				this.build);

		assertThat(plan.jetStream().pairs()).isEmpty();
	}

	@Test
	void theJetStreamTargetsAreJudgedRowByRow() {
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "go", "--only", "jetstream"),
				this.build);
		List<ScenarioResult> results = new ArrayList<>();
		double[] candidateCpu = { 1.2, 1.3, 0.9 };
		for (int i = 0; i < 3; i++) {
			ScenarioResult result = new ScenarioResult(plan.jetStream().pairs().get(i).reference());
			result.reference()
				.add(new Sample().with(Metric.MESSAGES_PER_SECOND, 100_000).with(Metric.CPU_PER_MESSAGE, 1.0));
			result.candidate()
				.add(new Sample().with(Metric.MESSAGES_PER_SECOND, 75_000 + 10_000 * i)
					.with(Metric.CPU_PER_MESSAGE, candidateCpu[i]));
			results.add(result);
		}

		assertThat(plan.jetStream().targets()).extracting((target) -> target.verdict(results))
			.containsExactly(new Target.Verdict("worst 0.75×", Target.Status.NOT_MET),
					new Target.Verdict("1.20×", Target.Status.MET), new Target.Verdict("1.30×", Target.Status.NOT_MET),
					new Target.Verdict("0.90×", Target.Status.MET));
	}

	private static List<String> names(BenchmarkPlan.PlannedSection section) {
		return section.scenarios().stream().map((planned) -> planned.scenario().name()).toList();
	}

}
