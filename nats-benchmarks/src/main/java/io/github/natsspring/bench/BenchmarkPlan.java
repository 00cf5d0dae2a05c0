package io.github.natsspring.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.bench.load.IdleConnectionsScenario;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.RequestReplyScenario;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.load.ThroughputScenario;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.starter.PublishCostScenario;
import io.github.natsspring.bench.starter.ReceiveCostScenario;
import io.github.natsspring.bench.starter.StarterSession;

/**
 * The scenarios with their run sizes for the chosen mode: broker against nats-server, and the starter against
 * raw jnats; and the targets of issue 4 that are judged from them.
 *
 * @param scenarios the broker-versus-nats-server scenarios in run order, each with its measured repetitions
 * @param starterSession the starter application both sides of the starter comparisons use
 * @param starterPairs the raw-jnats-versus-starter comparisons, run against nats-server
 * @param targets the targets to judge after the run
 */
record BenchmarkPlan(List<PlannedScenario> scenarios, StarterSession starterSession, List<StarterPair> starterPairs,
		List<Target> targets) {

	/**
	 * A scenario and how often it is measured on each server.
	 *
	 * @param scenario the scenario
	 * @param repetitions measured runs per server
	 */
	record PlannedScenario(Scenario scenario, int repetitions) {
	}

	/**
	 * A raw jnats scenario and its starter counterpart.
	 *
	 * @param raw the raw jnats scenario, the reference
	 * @param starter the starter scenario, the candidate
	 * @param repetitions measured runs per side
	 */
	record StarterPair(Scenario raw, Scenario starter, int repetitions) {
	}

	static BenchmarkPlan of(BenchmarkOptions options) {
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
		planned.removeIf((entry) -> !options.selects(entry.scenario().name()));

		StarterSession starterSession = new StarterSession();
		Scenario rawPublish = PublishCostScenario.rawJnats(starterSession, 128, throughput);
		Scenario rawReceive = ReceiveCostScenario.rawDispatcher(starterSession, 128, throughput);
		List<StarterPair> starterPairs = new ArrayList<>(List.of(
				new StarterPair(rawPublish, PublishCostScenario.natsTemplate(starterSession, 128, throughput),
						repetitions),
				new StarterPair(rawReceive, ReceiveCostScenario.natsListener(starterSession, 128, throughput),
						repetitions)));
		starterPairs.removeIf((pair) -> !options.selects(pair.raw().name()));

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
						ReceiveCostScenario.CLIENT_CPU_PER_MESSAGE, 1.15));
		return new BenchmarkPlan(List.copyOf(planned), starterSession, List.copyOf(starterPairs), targets);
	}

}
