package io.github.natsspring.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.report.Quantity;

/**
 * A performance target of issue 4, judged from the measured results.
 *
 * @param description what the target demands
 * @param judge how the results meet it
 */
record Target(String description, Function<List<ScenarioResult>, Verdict> judge) {

	/** Whether a target was met. */
	enum Status {

		MET("met"), NOT_MET("NOT met"), NOT_MEASURED("not measured");

		private final String text;

		Status(String text) {
			this.text = text;
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

	/**
	 * The outcome of one target.
	 *
	 * @param measured the measured figure as text
	 * @param status whether it meets the target
	 */
	record Verdict(String measured, Status status) {

		static final Verdict NOT_MEASURED = new Verdict("—", Status.NOT_MEASURED);

	}

	/** The candidate/reference ratio of a figure must be at most {@code bound}. */
	static Target ratioAtMost(String description, Scenario scenario, Metric metric, double bound) {
		return new Target(description, (results) -> find(results, scenario).map((result) -> {
			double ratio = result.ratio(metric);
			return judge(Quantity.ratio(ratio), !Double.isNaN(ratio) && ratio <= bound, Double.isNaN(ratio));
		}).orElse(Verdict.NOT_MEASURED));
	}

	/** The candidate/reference ratio of a figure must be at least {@code bound} in every listed scenario. */
	static Target ratioAtLeastInAll(String description, List<Scenario> scenarios, Metric metric, double bound) {
		return new Target(description, (results) -> {
			double worst = Double.NaN;
			for (Scenario scenario : scenarios) {
				double ratio = find(results, scenario).map((result) -> result.ratio(metric)).orElse(Double.NaN);
				if (!Double.isNaN(ratio) && (Double.isNaN(worst) || ratio < worst)) {
					worst = ratio;
				}
			}
			return judge("worst " + Quantity.ratio(worst), worst >= bound, Double.isNaN(worst));
		});
	}

	/** The candidate's own median figure must be at most {@code bound}. */
	static Target candidateAtMost(String description, Scenario scenario, Metric metric, double bound) {
		return new Target(description, (results) -> find(results, scenario).map((result) -> {
			double value = result.candidateMedian(metric);
			return judge(Quantity.format(value, metric.unit()), value <= bound, Double.isNaN(value));
		}).orElse(Verdict.NOT_MEASURED));
	}

	/** No run against the candidate may lose a message. */
	static Target noCandidateLoss(String description) {
		return new Target(description, (results) -> {
			if (results.isEmpty()) {
				return Verdict.NOT_MEASURED;
			}
			long lost = results.stream().mapToLong(ScenarioResult::candidateLost).sum();
			return judge(String.format(Locale.ROOT, "%,d lost", lost), lost == 0, false);
		});
	}

	/** A target this tool does not measure yet. */
	static Target notMeasured(String description) {
		return new Target(description, (results) -> Verdict.NOT_MEASURED);
	}

	Verdict verdict(List<ScenarioResult> results) {
		return this.judge.apply(results);
	}

	private static Verdict judge(String measured, boolean met, boolean unmeasurable) {
		if (unmeasurable) {
			return new Verdict(measured, Status.NOT_MEASURED);
		}
		return new Verdict(measured, met ? Status.MET : Status.NOT_MET);
	}

	private static Optional<ScenarioResult> find(List<ScenarioResult> results, Scenario scenario) {
		return results.stream().filter((result) -> result.scenario() == scenario).findFirst();
	}

}
