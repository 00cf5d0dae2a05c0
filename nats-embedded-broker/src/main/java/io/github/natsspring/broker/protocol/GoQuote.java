package io.github.natsspring.broker.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Quotes text as Go's {@code %q} verb does, so that messages nats-server builds with it (error texts, log lines)
 * come out the same here for odd input: printable characters as they are, the rest escaped.
 */
public final class GoQuote {

	private GoQuote() {
	}

	/**
	 * Quotes a string of characters.
	 * @param text the text
	 * @return the text in double quotes, escaped as Go escapes it
	 */
	public static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		text.codePoints().forEach((codePoint) -> appendQuoted(quoted, codePoint));
		return quoted.append('"').toString();
	}

	/**
	 * Quotes protocol bytes held as {@link WireText}, as Go quotes a byte slice: valid UTF-8 sequences as the
	 * characters they encode, every other byte as {@code \x..}.
	 * @param wireText a subject, reply or queue name as decoded by this package
	 * @return the bytes in double quotes, escaped as Go escapes them
	 */
	public static String quoteWire(String wireText) {
		byte[] bytes = WireText.bytes(wireText);
		StringBuilder quoted = new StringBuilder(bytes.length + 2).append('"');
		int i = 0;
		while (i < bytes.length) {
			int length = utf8Length(bytes, i);
			if (length == 0) {
				quoted.append(String.format("\\x%02x", bytes[i] & 0xFF));
				i++;
			}
			else {
				new String(bytes, i, length, StandardCharsets.UTF_8).codePoints()
					.forEach((codePoint) -> appendQuoted(quoted, codePoint));
				i += length;
			}
		}
		return quoted.append('"').toString();
	}

	/** The length of the valid UTF-8 sequence at {@code start}, or 0 when the byte there starts none. */
	private static int utf8Length(byte[] bytes, int start) {
		int lead = bytes[start] & 0xFF;
		int length = (lead < 0x80) ? 1 : (lead >= 0xC2 && lead <= 0xDF) ? 2 : (lead >= 0xE0 && lead <= 0xEF) ? 3
				: (lead >= 0xF0 && lead <= 0xF4) ? 4 : 0;
		if (length <= 1 || start + length > bytes.length) {
			return (length == 1) ? 1 : 0;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(bytes, start, length));
			return length;
		}
		catch (CharacterCodingException ex) {
			return 0;
		}
	}

	private static void appendQuoted(StringBuilder out, int codePoint) {
		switch (codePoint) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case 0x07 -> out.append("\\a");
			case '\b' -> out.append("\\b");
			case '\f' -> out.append("\\f");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			case 0x0B -> out.append("\\v");
			default -> {
				if (isPrintable(codePoint)) {
					out.appendCodePoint(codePoint);
				}
				else if (codePoint < 0x80) {
					out.append(String.format("\\x%02x", codePoint));
				}
				else if (codePoint < 0x10000) {
					out.append(String.format("\\u%04x", codePoint));
				}
				else {
					out.append(String.format("\\U%08x", codePoint));
				}
			}
		}
	}

	private static boolean isPrintable(int codePoint) {
		if (codePoint == ' ') {
			return true;
		}
		int type = Character.getType(codePoint);
		return !Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)
				&& type != Character.UNASSIGNED && type != Character.FORMAT && type != Character.SURROGATE
				&& type != Character.PRIVATE_USE;
	}

}
