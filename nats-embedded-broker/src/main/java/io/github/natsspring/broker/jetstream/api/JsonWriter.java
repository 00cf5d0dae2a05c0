package io.github.natsspring.broker.jetstream.api;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes compact JSON as Go's {@code json.Marshal} does for nats-server's API responses: fields in the order
 * written, Go's string escapes ({@code <}, {@code >}, {@code &}, control characters, U+2028 and U+2029 as
 * {@code \}{@code u00xx}). Not thread-safe; one writer per response.
 */
public final class JsonWriter {

	private static final String HEX = "0123456789abcdef";

	private final StringBuilder out;

	/** Per open container, whether it has an element already; bit 0 is the innermost. */
	private long nonEmpty;

	private boolean afterName;

	private JsonWriter(int capacity) {
		this.out = new StringBuilder(capacity);
	}

	/**
	 * An empty writer.
	 * @return a new writer
	 */
	public static JsonWriter create() {
		return new JsonWriter(256);
	}

	/**
	 * Opens an object.
	 * @return this writer
	 */
	public JsonWriter beginObject() {
		beforeValue();
		this.out.append('{');
		this.nonEmpty <<= 1;
		return this;
	}

	/**
	 * Closes the innermost object.
	 * @return this writer
	 */
	public JsonWriter endObject() {
		this.out.append('}');
		this.nonEmpty >>>= 1;
		return this;
	}

	/**
	 * Opens an array.
	 * @return this writer
	 */
	public JsonWriter beginArray() {
		beforeValue();
		this.out.append('[');
		this.nonEmpty <<= 1;
		return this;
	}

	/**
	 * Closes the innermost array.
	 * @return this writer
	 */
	public JsonWriter endArray() {
		this.out.append(']');
		this.nonEmpty >>>= 1;
		return this;
	}

	/**
	 * Writes a field name; its value comes next.
	 * @param name the name
	 * @return this writer
	 */
	public JsonWriter name(String name) {
		beforeValue();
		string(name);
		this.out.append(':');
		this.afterName = true;
		return this;
	}

	/**
	 * Writes a string, or {@code null}.
	 * @param value the string
	 * @return this writer
	 */
	public JsonWriter value(String value) {
		beforeValue();
		if (value == null) {
			this.out.append("null");
		}
		else {
			string(value);
		}
		return this;
	}

	/**
	 * Writes a number.
	 * @param value the number
	 * @return this writer
	 */
	public JsonWriter value(long value) {
		beforeValue();
		this.out.append(value);
		return this;
	}

	/**
	 * Writes a boolean.
	 * @param value the boolean
	 * @return this writer
	 */
	public JsonWriter value(boolean value) {
		beforeValue();
		this.out.append(value);
		return this;
	}

	/**
	 * Writes JSON text as it is, e.g. a value kept from a request.
	 * @param json valid JSON
	 * @return this writer
	 */
	public JsonWriter rawValue(String json) {
		beforeValue();
		this.out.append(json);
		return this;
	}

	/**
	 * Writes a string field.
	 * @param name the name
	 * @param value the value, {@code null} written as JSON null
	 * @return this writer
	 */
	public JsonWriter field(String name, String value) {
		return name(name).value(value);
	}

	/**
	 * Writes a number field.
	 * @param name the name
	 * @param value the value
	 * @return this writer
	 */
	public JsonWriter field(String name, long value) {
		return name(name).value(value);
	}

	/**
	 * Writes a boolean field.
	 * @param name the name
	 * @param value the value
	 * @return this writer
	 */
	public JsonWriter field(String name, boolean value) {
		return name(name).value(value);
	}

	/**
	 * Writes an array of strings.
	 * @param name the name
	 * @param values the strings
	 * @return this writer
	 */
	public JsonWriter field(String name, Collection<String> values) {
		name(name).beginArray();
		for (String value : values) {
			value(value);
		}
		return endArray();
	}

	/**
	 * The JSON written.
	 * @return the text
	 */
	@Override
	public String toString() {
		return this.out.toString();
	}

	/**
	 * The JSON written, as sent.
	 * @return UTF-8 bytes
	 */
	public byte[] toBytes() {
		return this.out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void beforeValue() {
		if (this.afterName) {
			this.afterName = false;
			return;
		}
		if ((this.nonEmpty & 1) != 0) {
			this.out.append(',');
		}
		this.nonEmpty |= 1;
	}

	private void string(String value) {
		StringBuilder text = this.out;
		text.append('"');
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> text.append("\\\"");
				case '\\' -> text.append("\\\\");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				case '\t' -> text.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						text.append("\\u")
							.append(HEX.charAt((c >> 12) & 0xf))
							.append(HEX.charAt((c >> 8) & 0xf))
							.append(HEX.charAt((c >> 4) & 0xf))
							.append(HEX.charAt(c & 0xf));
					}
					else {
						text.append(c);
					}
				}
			}
		}
		text.append('"');
	}
}
