package io.github.natsspring.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTableTests {

	@Test
	void rendersBothValuesAndTheCandidateToReferenceRatio() {
		ComparisonTable table = new ComparisonTable("nats-server", "broker");
		table.add("pub/sub 1:1, 16 B", "throughput", "msg/s", 1_000_000, 800_000);
		table.add("pub/sub 1:1, 16 B", "server CPU per msg", "µs", 0.5, 0.6);
		table.add("idle", "heap per connection", "KB", Double.NaN, 4.2);

		assertThat(table.toMarkdown()).isEqualTo("""
				| scenario | metric | nats-server | broker | broker / nats-server |
				|---|---|---:|---:|---:|
				| pub/sub 1:1, 16 B | throughput | 1.00 M msg/s | 800 k msg/s | 0.80× |
				|  | server CPU per msg | 0.50 µs | 0.60 µs | 1.20× |
				| idle | heap per connection | n/a | 4.20 KB | — |
				""");
	}

}
