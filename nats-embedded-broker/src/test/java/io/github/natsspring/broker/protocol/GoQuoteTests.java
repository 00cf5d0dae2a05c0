package io.github.natsspring.broker.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quoting as Go's {@code %q} does, for messages nats-server builds with it.
 */
class GoQuoteTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = { "foo|\"foo\"", "a b|\"a b\"", "a\"b|\"a\\\"b\"",
			"a\\b|\"a\\\\b\"", "é|\"é\"" })
	void stringsAreQuotedAsGoPercentQ(String text, String quoted) {
		assertThat(GoQuote.quote(text)).isEqualTo(quoted);
	}

	@Test
	void controlCharactersAreEscapedAsGoPercentQ() {
		assertThat(GoQuote.quote("\t\n\r\u0007\u0001\u007f\u200b"))
			.isEqualTo("\"\\t\\n\\r\\a\\x01\\x7f\\u200b\"");
	}

	@Test
	void wireBytesAreQuotedAsUtf8WithInvalidBytesEscaped() {
		String wire = new String(new byte[] { 'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '.', (byte) 0xE2 },
				WireText.CHARSET);
		assertThat(GoQuote.quoteWire(wire)).isEqualTo("\"aé\\xff.\\xe2\"");
	}
}
