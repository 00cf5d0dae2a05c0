package io.github.natsspring.bench.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTableTests {

	@Test
	void rendersMediansWithSpreadAndTheCandidateToReferenceRatio() {
		ComparisonTable table = new ComparisonTable("nats-server", "broker");
		table.add("pub/sub 1:1, 16 B", "throughput", "msg/s", List.of(1_000_000.0), List.of(800_000.0));
		table.add("pub/sub 1:1, 16 B", "server CPU per msg", "µs", List.of(0.5, 0.4, 0.6), List.of(0.6, 0.6, 0.6));
		table.add("idle", "heap per connection", "KB", List.of(Double.NaN), List.of(4.2));

		assertThat(table.toMarkdown()).isEqualTo("""
				| scenario | metric | nats-server | broker | broker / nats-server |
				|---|---|---:|---:|---:|
				| pub/sub 1:1, 16 B | throughput | 1.00 M msg/s | 800 k msg/s | 0.80× |
				|  | server CPU per msg | 0.50 µs ±20% | 0.60 µs ±0% | 1.20× |
				| idle | heap per connection | n/a | 4.20 KB | — |
				""");
	}

}
