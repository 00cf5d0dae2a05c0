package io.github.natsspring.broker.monitor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON as Go's {@code json.MarshalIndent(v, "", "  ")} does, so that nats-server's tools and the diffs
 * against nats-server see the same text: two-space indentation, {@code "key": value}, empty objects and arrays as
 * {@code {}} and {@code []}, and Go's string escapes ({@code <}, {@code >}, {@code &} and control characters as
 * {@code \}{@code u00xx}). Fields come in the order they are written.
 */
final class GoJsonWriter {

	private static final String HEX = "0123456789abcdef";

	private final StringBuilder out = new StringBuilder(1024);

	private final boolean indent;

	/** Per open container, whether it has an element already; bit 0 is the innermost. */
	private long nonEmpty;

	private int depth;

	private boolean afterName;

	private GoJsonWriter(boolean indent) {
		this.indent = indent;
	}

	/** A writer indenting as {@code MarshalIndent} with two spaces. */
	static GoJsonWriter indented() {
		return new GoJsonWriter(true);
	}

	/** A writer of compact JSON, as {@code json.Marshal}. */
	static GoJsonWriter compact() {
		return new GoJsonWriter(false);
	}

	GoJsonWriter beginObject() {
		beforeValue();
		this.out.append('{');
		open();
		return this;
	}

	GoJsonWriter endObject() {
		close('}');
		return this;
	}

	GoJsonWriter beginArray() {
		beforeValue();
		this.out.append('[');
		open();
		return this;
	}

	GoJsonWriter endArray() {
		close(']');
		return this;
	}

	GoJsonWriter name(String name) {
		beforeValue();
		string(name);
		this.out.append(this.indent ? ": " : ":");
		this.afterName = true;
		return this;
	}

	GoJsonWriter value(String value) {
		beforeValue();
		string(value);
		return this;
	}

	/** JSON {@code null}, as Go writes a nil slice. */
	GoJsonWriter nullValue() {
		beforeValue();
		this.out.append("null");
		return this;
	}

	GoJsonWriter value(long value) {
		beforeValue();
		this.out.append(value);
		return this;
	}

	GoJsonWriter value(boolean value) {
		beforeValue();
		this.out.append(value);
		return this;
	}

	/** A uint64, the bits of {@code value} read unsigned (Go's uint64 of -1 is 18446744073709551615). */
	GoJsonWriter unsignedValue(long value) {
		beforeValue();
		this.out.append(Long.toUnsignedString(value));
		return this;
	}

	/** A float64 as Go writes it: the shortest decimal, no exponent for the magnitudes monitoring has. */
	GoJsonWriter value(double value) {
		beforeValue();
		if (value == Math.rint(value) && Math.abs(value) < 1e21) {
			this.out.append((long) value);
		}
		else {
			this.out.append(new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString());
		}
		return this;
	}

	GoJsonWriter field(String name, String value) {
		return name(name).value(value);
	}

	GoJsonWriter field(String name, long value) {
		return name(name).value(value);
	}

	GoJsonWriter field(String name, boolean value) {
		return name(name).value(value);
	}

	GoJsonWriter field(String name, double value) {
		return name(name).value(value);
	}

	/** A string field with Go's {@code omitempty}: left out when {@code null} or empty. */
	GoJsonWriter fieldOmitEmpty(String name, String value) {
		return (value == null || value.isEmpty()) ? this : field(name, value);
	}

	/** A number field with Go's {@code omitempty}: left out when zero. */
	GoJsonWriter fieldOmitEmpty(String name, long value) {
		return (value == 0) ? this : field(name, value);
	}

	/** A boolean field with Go's {@code omitempty}: left out when false. */
	GoJsonWriter fieldOmitEmpty(String name, boolean value) {
		return value ? field(name, true) : this;
	}

	/** An object field with nothing in it, as Go writes a struct whose fields are all omitted. */
	GoJsonWriter emptyObject(String name) {
		return name(name).beginObject().endObject();
	}

	String text() {
		return this.out.toString();
	}

	byte[] bytes() {
		return text().getBytes(StandardCharsets.UTF_8);
	}

	private void open() {
		this.depth++;
		this.nonEmpty <<= 1;
	}

	private void close(char bracket) {
		boolean had = (this.nonEmpty & 1) != 0;
		this.nonEmpty >>>= 1;
		this.depth--;
		if (had) {
			newLine();
		}
		this.out.append(bracket);
	}

	private void beforeValue() {
		if (this.afterName) {
			this.afterName = false;
			return;
		}
		if (this.depth == 0) {
			return;
		}
		if ((this.nonEmpty & 1) != 0) {
			this.out.append(',');
		}
		this.nonEmpty |= 1;
		newLine();
	}

	private void newLine() {
		if (this.indent) {
			this.out.append('\n');
			for (int i = 0; i < this.depth; i++) {
				this.out.append("  ");
			}
		}
	}

	private void string(String text) {
		this.out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> this.out.append("\\\"");
				case '\\' -> this.out.append("\\\\");
				case '\n' -> this.out.append("\\n");
				case '\r' -> this.out.append("\\r");
				case '\t' -> this.out.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
						this.out.append("\\u")
							.append(HEX.charAt((c >> 12) & 0xF))
							.append(HEX.charAt((c >> 8) & 0xF))
							.append(HEX.charAt((c >> 4) & 0xF))
							.append(HEX.charAt(c & 0xF));
					}
					else {
						this.out.append(c);
					}
				}
			}
		}
		this.out.append('"');
	}
}
