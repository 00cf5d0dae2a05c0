package io.github.natsspring.listener;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NatsSubjectSyntaxTests {

	@ParameterizedTest
	@ValueSource(strings = { "orders", "orders.created", "orders.*", "orders.*.eu", "orders.>", ">", "*", "a.*.>",
			"_INBOX.abc", "orders-v2.created_at" })
	void acceptsValidSubscriptionSubjects(String subject) {
		assertThat(NatsSubjectSyntax.checkSubscriptionSubject(subject)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "orders.", ".orders", "orders..created", "orders.>.eu", "> .a", "orders created",
			"orders\tcreated", "orders*", "orders.cr*", "orders.>>" })
	void rejectsInvalidSubscriptionSubjects(String subject) {
		assertThat(NatsSubjectSyntax.checkSubscriptionSubject(subject)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders.*", "orders.>", "*", ">" })
	void rejectsWildcardsInPublishSubjects(String subject) {
		assertThat(NatsSubjectSyntax.checkPublishSubject(subject)).contains("wildcards are not allowed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders", "orders.created.eu" })
	void acceptsLiteralPublishSubjects(String subject) {
		assertThat(NatsSubjectSyntax.checkPublishSubject(subject)).isNull();
	}

	@Test
	void namesTheSubjectAndTheReason() {
		assertThat(NatsSubjectSyntax.checkSubscriptionSubject("orders.>.eu"))
			.isEqualTo("subject 'orders.>.eu': '>' must be the last token");
	}
}
