package io.github.natsspring.broker.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Query values are read with Go's {@code strconv} rules, the first of repeated names winning. */
class QueryParametersTests {

	@ParameterizedTest
	@ValueSource(strings = { "1", "t", "T", "TRUE", "true", "True" })
	void goTrueSpellingsAreTrue(String text) {
		assertThat(QueryParameters.parse("/x?b=" + text).bool("b")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "f", "F", "FALSE", "false", "False", "" })
	void goFalseSpellingsAndAbsenceAreFalse(String text) {
		assertThat(QueryParameters.parse("/x?b=" + text).bool("b")).isFalse();
		assertThat(QueryParameters.parse("/x").bool("b")).isFalse();
	}

	@Test
	void otherBooleanSpellingsAreRefused() {
		assertThatExceptionOfType(BadQueryException.class).isThrownBy(() -> QueryParameters.parse("/x?b=yes").bool("b"))
			.withMessage("Error decoding boolean for 'b': strconv.ParseBool: parsing \"yes\": invalid syntax");
	}

	@Test
	void integersTakeASignAndUnsignedOnesDoNot() {
		assertThat(QueryParameters.parse("/x?n=-12").integer("n")).isEqualTo(-12);
		assertThat(QueryParameters.parse("/x?n=%2B12").integer("n")).isEqualTo(12);
		assertThat(QueryParameters.parse("/x?n=18446744073709551615").unsigned("n")).isEqualTo(-1L);
		assertThatExceptionOfType(BadQueryException.class).isThrownBy(() -> QueryParameters.parse("/x?n=-1").unsigned("n"));
	}

	@Test
	void theFirstOfRepeatedValuesWins() {
		assertThat(QueryParameters.parse("/x?sort=subs&sort=cid").get("sort")).isEqualTo("subs");
	}
}
