package io.github.natsspring.broker.protocol;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Escapes strings the way Go's {@code json.Marshal} does, so INFO is byte-identical to nats-server's:
 * {@code \n}, {@code \r}, {@code \t} short, other control characters and {@code <}, {@code >},
 * {@code &}, U+2028, U+2029 as {@code \}{@code u00xx} with lower-case hex.
 */
final class GoJsonEscapes extends CharacterEscapes {

	private static final long serialVersionUID = 1L;

	private static final String HEX = "0123456789abcdef";

	private final int[] asciiEscapes;

	GoJsonEscapes() {
		int[] escapes = standardAsciiEscapesForJSON();
		for (int c = 0; c < 0x20; c++) {
			if (c != '\n' && c != '\r' && c != '\t') {
				escapes[c] = ESCAPE_CUSTOM;
			}
		}
		escapes['<'] = ESCAPE_CUSTOM;
		escapes['>'] = ESCAPE_CUSTOM;
		escapes['&'] = ESCAPE_CUSTOM;
		this.asciiEscapes = escapes;
	}

	@Override
	public int[] getEscapeCodesForAscii() {
		return this.asciiEscapes;
	}

	@Override
	public SerializableString getEscapeSequence(int ch) {
		if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
			return new SerializedString("\\u" + HEX.charAt((ch >> 12) & 0xF) + HEX.charAt((ch >> 8) & 0xF)
					+ HEX.charAt((ch >> 4) & 0xF) + HEX.charAt(ch & 0xF));
		}
		return null;
	}
}
