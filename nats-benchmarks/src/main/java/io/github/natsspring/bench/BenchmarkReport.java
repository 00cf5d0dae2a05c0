package io.github.natsspring.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.report.ComparisonTable;

/**
 * The markdown report of one run: how it was made, the comparison tables with their losses, and the targets.
 */
final class BenchmarkReport {

	/**
	 * The measured results of one table.
	 *
	 * @param heading the section heading
	 * @param description what the section measures, or {@code null}
	 * @param referenceLabel the reference column
	 * @param candidateLabel the candidate column
	 * @param results the scenarios' results in report order
	 */
	record Table(String heading, String description, String referenceLabel, String candidateLabel,
			List<ScenarioResult> results) {
	}

	private final StringBuilder text = new StringBuilder();

	private final List<ScenarioResult> targetResults = new ArrayList<>();

	BenchmarkReport(BenchmarkOptions options, String[] args, String facts, Duration took) {
		this.text.append("## Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
		this.text.append("Command: `java -jar nats-benchmarks/target/nats-benchmarks.jar")
			.append(args.length == 0 ? "" : " " + String.join(" ", args))
			.append("` (")
			.append(options.quick() ? "quick" : "full")
			.append(" mode, load ")
			.append(options.load())
			.append(", ")
			.append(options.effectiveRepetitions())
			.append(" interleaved repetitions; median ± half the range of the runs; took ")
			.append(took.toSeconds())
			.append(" s)\n\n");
		this.text.append(facts).append('\n');
		if (options.referenceOnly()) {
			this.text.append("**Reference-only run: both columns are nats-server; this validates the tool, not the broker.**\n\n");
		}
	}

	/**
	 * Adds a table with its loss summary.
	 * @param table the results
	 * @param judged whether the issue-4 targets are judged from these results
	 */
	void add(Table table, boolean judged) {
		if (table.results().isEmpty()) {
			return;
		}
		this.text.append("### ").append(table.heading()).append("\n\n");
		if (table.description() != null) {
			this.text.append(table.description()).append("\n\n");
		}
		this.text.append(markdown(table)).append('\n');
		if (table.results().stream().anyMatch((result) -> result.scenario().publishesMessages())) {
			this.text.append(lossSummary(table)).append('\n');
		}
		if (judged) {
			this.targetResults.addAll(table.results());
		}
	}

	/**
	 * Adds the targets table, when any judged table was added.
	 * @param targets the targets
	 */
	void addTargets(List<Target> targets) {
		addTargets("target (issue 4, jnats rows)", targets, this.targetResults);
	}

	/**
	 * Adds a targets table judged from results of their own, when there are any.
	 * @param heading the heading of the targets column, naming where they come from
	 * @param targets the targets
	 * @param results the results they are judged from
	 */
	void addTargets(String heading, List<Target> targets, List<ScenarioResult> results) {
		if (results.isEmpty()) {
			return;
		}
		this.text.append("| ").append(heading).append(" | measured | verdict |\n|---|---:|---|\n");
		for (Target target : targets) {
			Target.Verdict verdict = target.verdict(results);
			this.text.append("| ")
				.append(target.description())
				.append(" | ")
				.append(verdict.measured())
				.append(" | ")
				.append(verdict.status())
				.append(" |\n");
		}
		this.text.append('\n');
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	private static String markdown(Table table) {
		ComparisonTable comparison = new ComparisonTable(table.referenceLabel(), table.candidateLabel());
		for (ScenarioResult result : table.results()) {
			for (Metric metric : result.scenario().metrics()) {
				comparison.add(result.scenario().name(), metric.name(), metric.unit(), result.referenceValues(metric),
						result.candidateValues(metric));
			}
		}
		return comparison.toMarkdown();
	}

	private static String lossSummary(Table table) {
		long referenceLost = table.results().stream().mapToLong(ScenarioResult::referenceLost).sum();
		long candidateLost = table.results().stream().mapToLong(ScenarioResult::candidateLost).sum();
		if (referenceLost == 0 && candidateLost == 0) {
			return "Every published message was delivered in every measured run.\n";
		}
		return String.format("Messages lost in measured runs: %s %,d, %s %,d.%n", table.referenceLabel(),
				referenceLost, table.candidateLabel(), candidateLost);
	}

}
