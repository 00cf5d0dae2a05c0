package io.github.natsspring.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.StringJoiner;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.report.Quantity;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * Runs each scenario against both servers, alternating the order every repetition (A B, B A, A B, …) so that
 * machine noise and drift hit both alike, after one discarded warm-up run on each.
 */
final class InterleavedRunner {

	private final ServerProcess reference;

	private final ServerProcess candidate;

	private final PrintStream progress;

	private final long startNanos = System.nanoTime();

	InterleavedRunner(ServerProcess reference, ServerProcess candidate, PrintStream progress) {
		this.reference = reference;
		this.candidate = candidate;
		this.progress = progress;
	}

	/**
	 * Runs the warm-up of every scenario on both servers before any measurement, so the JVM broker's JIT has
	 * seen every code path (and the client's too) before the first measured run of the first scenario.
	 */
	void warmUp(List<Scenario> scenarios) throws Exception {
		for (Scenario scenario : scenarios) {
			log("global warm-up: " + scenario.name());
			runOnce(scenario, this.reference, Phase.WARM_UP);
			runOnce(scenario, this.candidate, Phase.WARM_UP);
		}
	}

	ScenarioResult run(Scenario scenario, int repetitions) throws Exception {
		ScenarioResult result = new ScenarioResult(scenario);
		log(scenario.name() + ": warm-up");
		runOnce(scenario, this.reference, Phase.WARM_UP);
		runOnce(scenario, this.candidate, Phase.WARM_UP);
		for (int repetition = 0; repetition < repetitions; repetition++) {
			boolean referenceFirst = repetition % 2 == 0;
			ServerProcess first = referenceFirst ? this.reference : this.candidate;
			ServerProcess second = referenceFirst ? this.candidate : this.reference;
			record(result, first, runOnce(scenario, first, Phase.MEASURED), repetition, repetitions);
			record(result, second, runOnce(scenario, second, Phase.MEASURED), repetition, repetitions);
		}
		return result;
	}

	private static Sample runOnce(Scenario scenario, ServerProcess server, Phase phase) throws Exception {
		server.checkAlive();
		Sample sample = scenario.run(server, phase);
		server.checkAlive();
		return sample;
	}

	private void record(ScenarioResult result, ServerProcess server, Sample sample, int repetition,
			int repetitions) {
		boolean isReference = server == this.reference;
		(isReference ? result.reference() : result.candidate()).add(sample);
		StringJoiner figures = new StringJoiner(", ");
		List<Metric> metrics = result.scenario().metrics();
		for (Metric metric : metrics) {
			figures.add(metric.name() + " " + Quantity.format(sample.value(metric), metric.unit()));
		}
		if (sample.lostMessages() > 0) {
			figures.add("LOST " + sample.lostMessages());
		}
		log(String.format("%s: run %d/%d %s: %s", result.scenario().name(), repetition + 1, repetitions,
				server.label(), figures));
	}

	private void log(String line) {
		this.progress.printf("[%6.1f s] %s%n", (System.nanoTime() - this.startNanos) / 1e9, line);
	}

}
