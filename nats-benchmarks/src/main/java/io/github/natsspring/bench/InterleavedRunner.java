package io.github.natsspring.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.report.Quantity;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * Runs a load on two sides, alternating the order every repetition (A B, B A, A B, …) so that machine noise and
 * drift hit both alike, after one discarded warm-up run on each. The sides are either two servers under the
 * same scenario (broker against nats-server), one server under two scenarios (starter against raw jnats), or two
 * clusters under a scenario bound to each.
 */
final class InterleavedRunner {

	/**
	 * One side of a comparison.
	 *
	 * @param label the column heading
	 * @param server the server its load runs against
	 */
	record Side(String label, ServerProcess server) {
	}

	/**
	 * The least time the global warm-up takes, both servers together: a fresh broker's TLS path needs about 10 s of
	 * pub/sub load before its CPU per message settles (2.6 µs in its first 3 s, 0.4 µs from the tenth second on).
	 */
	private static final Duration LEAST_WARM_UP = Duration.ofSeconds(30);

	private static final int MOST_WARM_UP_ROUNDS = 10;

	// one clock for every runner of the run, so the progress lines of all server pairs share their time axis
	private static final long START_NANOS = System.nanoTime();

	private final Side reference;

	private final Side candidate;

	private final PrintStream progress;

	InterleavedRunner(Side reference, Side candidate, PrintStream progress) {
		this.reference = reference;
		this.candidate = candidate;
		this.progress = progress;
	}

	/**
	 * Runs the warm-up of every scenario on both servers before any measurement, so the JVM broker's JIT has
	 * seen every code path (and the client's too) before the first measured run of the first scenario; in rounds
	 * until the warm-up has taken {@link #LEAST_WARM_UP}, since the warm-ups of a few scenarios are too short for a
	 * fresh broker.
	 */
	void warmUp(List<Scenario> scenarios) throws Exception {
		warmUp(scenarios, scenarios);
	}

	/**
	 * Runs the global warm-up as {@link #warmUp(List)} does, with loads of their own on each side.
	 * @param referenceLoads the loads of the reference side
	 * @param candidateLoads their counterparts on the candidate side, in the same order
	 */
	void warmUp(List<Scenario> referenceLoads, List<Scenario> candidateLoads) throws Exception {
		if (referenceLoads.size() != candidateLoads.size()) {
			throw new IllegalArgumentException("Every reference load needs its candidate counterpart");
		}
		if (referenceLoads.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int round = 0;
		do {
			round++;
			String label = (round == 1) ? "global warm-up: " : "global warm-up, round " + round + ": ";
			for (int i = 0; i < referenceLoads.size(); i++) {
				log(label + referenceLoads.get(i).name());
				runOnce(referenceLoads.get(i), this.reference, Phase.WARM_UP);
				runOnce(candidateLoads.get(i), this.candidate, Phase.WARM_UP);
			}
		}
		while (System.nanoTime() - started < LEAST_WARM_UP.toNanos() && round < MOST_WARM_UP_ROUNDS);
	}

	/** Runs the same scenario on both sides. */
	ScenarioResult run(Scenario scenario, int repetitions) throws Exception {
		return run(scenario, scenario, repetitions);
	}

	/** Runs one scenario on the reference side and another on the candidate side; results are filed under the first. */
	ScenarioResult run(Scenario referenceLoad, Scenario candidateLoad, int repetitions) throws Exception {
		ScenarioResult result = new ScenarioResult(referenceLoad);
		log(referenceLoad.name() + ": warm-up");
		runOnce(referenceLoad, this.reference, Phase.WARM_UP);
		runOnce(candidateLoad, this.candidate, Phase.WARM_UP);
		for (int repetition = 0; repetition < repetitions; repetition++) {
			boolean referenceFirst = repetition % 2 == 0;
			Side first = referenceFirst ? this.reference : this.candidate;
			Side second = referenceFirst ? this.candidate : this.reference;
			Scenario firstLoad = referenceFirst ? referenceLoad : candidateLoad;
			Scenario secondLoad = referenceFirst ? candidateLoad : referenceLoad;
			record(result, first, runOnce(firstLoad, first, Phase.MEASURED), repetition, repetitions);
			record(result, second, runOnce(secondLoad, second, Phase.MEASURED), repetition, repetitions);
		}
		return result;
	}

	private static Sample runOnce(Scenario scenario, Side side, Phase phase) throws Exception {
		side.server().checkAlive();
		Sample sample = scenario.run(side.server(), phase);
		side.server().checkAlive();
		return sample;
	}

	private void record(ScenarioResult result, Side side, Sample sample, int repetition, int repetitions) {
		boolean isReference = side == this.reference;
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
				side.label(), figures));
	}

	private void log(String line) {
		this.progress.printf("[%6.1f s] %s%n", (System.nanoTime() - START_NANOS) / 1e9, line);
	}

}
