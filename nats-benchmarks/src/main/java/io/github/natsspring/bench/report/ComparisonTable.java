package io.github.natsspring.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A markdown table comparing a reference and a candidate figure by figure: the median of repeated runs with their
 * relative spread (half the range), and the ratio of the medians, candidate / reference.
 */
public final class ComparisonTable {

	private final String referenceLabel;

	private final String candidateLabel;

	private final List<Row> rows = new ArrayList<>();

	/**
	 * Creates an empty table.
	 * @param referenceLabel the column heading of the reference, e.g. {@code nats-server}
	 * @param candidateLabel the column heading of the candidate, e.g. {@code broker}
	 */
	public ComparisonTable(String referenceLabel, String candidateLabel) {
		this.referenceLabel = referenceLabel;
		this.candidateLabel = candidateLabel;
	}

	/**
	 * Adds a row; the group name is printed only on the first row of consecutive rows of the same group.
	 * @param group the scenario the figure belongs to
	 * @param metric the figure's name
	 * @param unit the figure's unit
	 * @param reference the reference's values over repeated runs
	 * @param candidate the candidate's values over repeated runs
	 */
	public void add(String group, String metric, String unit, List<Double> reference, List<Double> candidate) {
		this.rows.add(new Row(group, metric, unit, reference, candidate));
	}

	/**
	 * Renders the table.
	 * @return markdown text ending with a line break
	 */
	public String toMarkdown() {
		StringBuilder text = new StringBuilder();
		text.append("| scenario | metric | ")
			.append(this.referenceLabel)
			.append(" | ")
			.append(this.candidateLabel)
			.append(" | ")
			.append(this.candidateLabel)
			.append(" / ")
			.append(this.referenceLabel)
			.append(" |\n");
		text.append("|---|---|---:|---:|---:|\n");
		String previousGroup = null;
		for (Row row : this.rows) {
			text.append("| ")
				.append(row.group().equals(previousGroup) ? "" : row.group())
				.append(" | ")
				.append(row.metric())
				.append(" | ")
				.append(cell(row.reference(), row.unit()))
				.append(" | ")
				.append(cell(row.candidate(), row.unit()))
				.append(" | ")
				.append(Quantity.ratio(Statistics.ratio(Statistics.median(row.candidate()),
						Statistics.median(row.reference()))))
				.append(" |\n");
			previousGroup = row.group();
		}
		return text.toString();
	}

	private static String cell(List<Double> values, String unit) {
		return Quantity.formatWithSpread(Statistics.median(values), unit, Statistics.relativeSpread(values));
	}

	private record Row(String group, String metric, String unit, List<Double> reference, List<Double> candidate) {
	}

}
