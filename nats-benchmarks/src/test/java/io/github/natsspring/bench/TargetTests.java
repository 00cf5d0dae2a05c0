package io.github.natsspring.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTests {

	private final Scenario pubSub = new NamedScenario("pub/sub");

	private final Scenario fanOut = new NamedScenario("fan-out");

	@Test
	void ratioTargetIsMetAtTheBound() {
		ScenarioResult result = result(this.pubSub, Metric.CPU_PER_MESSAGE, 1.0, 1.25);

		Target.Verdict verdict = Target.ratioAtMost("cpu", this.pubSub, Metric.CPU_PER_MESSAGE, 1.25)
			.verdict(List.of(result));

		assertThat(verdict).isEqualTo(new Target.Verdict("1.25×", Target.Status.MET));
	}

	@Test
	void ratioTargetIsNotMetAboveTheBound() {
		ScenarioResult result = result(this.pubSub, Metric.CPU_PER_MESSAGE, 1.0, 1.3);

		assertThat(Target.ratioAtMost("cpu", this.pubSub, Metric.CPU_PER_MESSAGE, 1.25)
			.verdict(List.of(result))
			.status()).isEqualTo(Target.Status.NOT_MET);
	}

	@Test
	void everyRowTargetIsJudgedByItsWorstRow() {
		List<ScenarioResult> results = List.of(result(this.pubSub, Metric.MESSAGES_PER_SECOND, 100, 95),
				result(this.fanOut, Metric.MESSAGES_PER_SECOND, 100, 70));

		Target.Verdict verdict = Target
			.ratioAtLeastInAll("tput", List.of(this.pubSub, this.fanOut), Metric.MESSAGES_PER_SECOND, 0.8)
			.verdict(results);

		assertThat(verdict).isEqualTo(new Target.Verdict("worst 0.70×", Target.Status.NOT_MET));
	}

	@Test
	void targetOfAScenarioThatDidNotRunIsNotMeasured() {
		assertThat(Target.ratioAtMost("cpu", this.pubSub, Metric.CPU_PER_MESSAGE, 1.25).verdict(List.of()).status())
			.isEqualTo(Target.Status.NOT_MEASURED);
	}

	@Test
	void lossTargetFailsWhenTheCandidateLostAMessage() {
		ScenarioResult result = result(this.pubSub, Metric.MESSAGES_PER_SECOND, 100, 100);
		result.candidate().add(new Sample().lost(3));

		assertThat(Target.noCandidateLoss("loss").verdict(List.of(result)))
			.isEqualTo(new Target.Verdict("3 lost", Target.Status.NOT_MET));
	}

	private static ScenarioResult result(Scenario scenario, Metric metric, double reference, double candidate) {
		ScenarioResult result = new ScenarioResult(scenario);
		result.reference().add(new Sample().with(metric, reference));
		result.candidate().add(new Sample().with(metric, candidate));
		return result;
	}

	private record NamedScenario(String name) implements Scenario {

		@Override
		public List<Metric> metrics() {
			return List.of(Metric.MESSAGES_PER_SECOND);
		}

		@Override
		public Sample run(ServerProcess server, Phase phase) {
			throw new UnsupportedOperationException("never run");
		}

	}

}
