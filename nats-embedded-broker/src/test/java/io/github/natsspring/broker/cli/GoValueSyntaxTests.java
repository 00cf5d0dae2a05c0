package io.github.natsspring.broker.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.natsspring.broker.cli.GoValueSyntax.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GoValueSyntaxTests {

	@ParameterizedTest
	@CsvSource({ "4222, 4222", "+4222, 4222", "-1, -1", "0, 0", "0x3a98, 15000", "0X3A98, 15000", "017777, 8191",
			"0o17777, 8191", "0b101, 5", "1_0, 10", "0x_1F, 31", "0_17, 15", "-0x10, -16",
			"9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808" })
	void integersAreReadWithGoBaseZeroRules(String text, long expected) {
		assertThat(GoValueSyntax.parseInt(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "08", "0x", "1__0", "_1", "1_", "0b2", "12a", "- 1", "+", "1.5", "٣" })
	void malformedIntegersAreParseErrors(String text) {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> GoValueSyntax.parseInt(text))
			.withMessage("parse error");
	}

	@ParameterizedTest
	@ValueSource(strings = { "9223372036854775808", "-9223372036854775809", "0x10000000000000000" })
	void integersBeyondSixtyFourBitsAreOutOfRange(String text) {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> GoValueSyntax.parseInt(text))
			.withMessage("value out of range");
	}

	@ParameterizedTest
	@CsvSource({ "1, true", "t, true", "T, true", "TRUE, true", "true, true", "True, true", "0, false", "f, false",
			"F, false", "FALSE, false", "false, false", "False, false" })
	void booleansAreReadAsStrconvParseBool(String text, boolean expected) {
		assertThat(GoValueSyntax.parseBool(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "yes", "tRUE", "on" })
	void otherBooleanSpellingsAreParseErrors(String text) {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> GoValueSyntax.parseBool(text))
			.withMessage("parse error");
	}

	@ParameterizedTest
	@CsvSource({ "6222, 6222", "0, 0", "010, 8", "0777, 511", "09, 0", "0129, 10", "00, 0" })
	void urlPortsAreScannedAsFmtSscanReadsAnInt(String digits, long expected) {
		assertThat(GoValueSyntax.scanInt(digits)).isEqualTo(expected);
	}

	@Test
	void scanningNothingIsEndOfInputAndTooManyDigitsAreOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> GoValueSyntax.scanInt("")).withMessage("EOF");
		assertThatIllegalArgumentException().isThrownBy(() -> GoValueSyntax.scanInt("99999999999999999999"))
			.withMessage("strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
		assertThatIllegalArgumentException().isThrownBy(() -> GoValueSyntax.scanInt("07777777777777777777777779"))
			.withMessage("strconv.ParseInt: parsing \"0777777777777777777777777\": value out of range");
	}
}
