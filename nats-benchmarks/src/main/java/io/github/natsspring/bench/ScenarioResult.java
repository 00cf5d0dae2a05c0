package io.github.natsspring.bench;

import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.report.Statistics;

/**
 * The measured runs of one scenario against the reference and the candidate server.
 *
 * @param scenario the scenario
 * @param reference the reference server's samples
 * @param candidate the candidate server's samples
 */
record ScenarioResult(Scenario scenario, List<Sample> reference, List<Sample> candidate) {

	ScenarioResult(Scenario scenario) {
		this(scenario, new ArrayList<>(), new ArrayList<>());
	}

	List<Double> referenceValues(Metric metric) {
		return values(this.reference, metric);
	}

	List<Double> candidateValues(Metric metric) {
		return values(this.candidate, metric);
	}

	double referenceMedian(Metric metric) {
		return median(this.reference, metric);
	}

	double candidateMedian(Metric metric) {
		return median(this.candidate, metric);
	}

	double ratio(Metric metric) {
		return Statistics.ratio(candidateMedian(metric), referenceMedian(metric));
	}

	long referenceLost() {
		return this.reference.stream().mapToLong(Sample::lostMessages).sum();
	}

	long candidateLost() {
		return this.candidate.stream().mapToLong(Sample::lostMessages).sum();
	}

	private static double median(List<Sample> samples, Metric metric) {
		return Statistics.median(values(samples, metric));
	}

	private static List<Double> values(List<Sample> samples, Metric metric) {
		return samples.stream().map((sample) -> sample.value(metric)).toList();
	}

}
