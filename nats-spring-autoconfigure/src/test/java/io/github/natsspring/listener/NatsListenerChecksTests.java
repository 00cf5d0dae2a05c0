package io.github.natsspring.listener;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NatsListenerChecksTests {

	@Test
	void subjectsWithWildcardsAsWholeTokensAreValid() {
		assertThat(NatsListenerChecks.checkSubjects(List.of("orders.*.created", "audit.>"))).isNull();
	}

	@Test
	void noSubjectIsRefused() {
		assertThat(NatsListenerChecks.checkSubjects(List.of())).isEqualTo("no subject is declared");
	}

	@Test
	void firstInvalidSubjectIsNamed() {
		assertThat(NatsListenerChecks.checkSubjects(List.of("orders", "orders..eu", "a b")))
			.isEqualTo("invalid subject 'orders..eu': empty token");
	}

	@Test
	void queueGroupWithWhitespaceIsRefused() {
		assertThat(NatsListenerChecks.checkQueue("order workers"))
			.isEqualTo("queue group 'order workers' contains whitespace");
	}

	@Test
	void noQueueGroupIsValid() {
		assertThat(NatsListenerChecks.checkQueue(null)).isNull();
	}

	@Test
	void concurrencyAboveOneNeedsAQueueGroup() {
		assertThat(NatsListenerChecks.checkConcurrency(2, null)).startsWith("concurrency 2 needs a queue group");
		assertThat(NatsListenerChecks.checkConcurrency(2, "workers")).isNull();
		assertThat(NatsListenerChecks.checkConcurrency(1, null)).isNull();
	}

	@Test
	void concurrencyBelowOneIsRefusedWithOrWithoutQueueGroup() {
		assertThat(NatsListenerChecks.checkConcurrency(0)).isEqualTo("concurrency must be at least 1, got 0");
		assertThat(NatsListenerChecks.checkConcurrency(-1, "workers")).isEqualTo("concurrency must be at least 1, got -1");
	}
}
