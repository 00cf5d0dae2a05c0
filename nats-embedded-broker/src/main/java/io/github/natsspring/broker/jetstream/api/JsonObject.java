package io.github.natsspring.broker.jetstream.api;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON object of an API request, read as Go's {@code json.Unmarshal} reads into nats-server's structs: keys
 * match without regard to case, a {@code null} value counts as absent, and a value of the wrong type is invalid
 * JSON (err_code 10025). Immutable.
 */
public final class JsonObject {

	private static final JsonFactory JSON = new JsonFactory();

	private static final JsonObject EMPTY = new JsonObject(Collections.emptyMap());

	private final Map<String, Object> fields;

	private JsonObject(Map<String, Object> fields) {
		this.fields = fields;
	}

	/**
	 * An object without fields, what an empty request body reads as.
	 * @return the empty object
	 */
	public static JsonObject empty() {
		return EMPTY;
	}

	/**
	 * Reads a request body.
	 * @param json UTF-8 JSON text; an empty or blank body reads as {@link #empty()}
	 * @return the object
	 * @throws ApiException with {@link ApiError#INVALID_JSON} when the text is not a JSON object
	 */
	public static JsonObject parse(byte[] json) {
		if (isBlank(json)) {
			return EMPTY;
		}
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			JsonToken root = parser.nextToken();
			JsonObject object;
			if (root == JsonToken.VALUE_NULL) {
				object = EMPTY;
			}
			else if (root == JsonToken.START_OBJECT) {
				object = readObject(parser);
			}
			else {
				throw invalid();
			}
			if (parser.nextToken() != null) {
				throw invalid();
			}
			return object;
		}
		catch (JacksonException ex) {
			throw invalid();
		}
	}

	private static boolean isBlank(byte[] json) {
		for (byte b : json) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

	private static JsonObject readObject(JsonParser parser) {
		Map<String, Object> fields = new LinkedHashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName().toLowerCase(Locale.ROOT);
			Object value = readValue(parser, parser.nextToken());
			if (value != null) {
				fields.put(name, value);
			}
			else {
				fields.remove(name);
			}
		}
		return new JsonObject(fields);
	}

	private static Object readValue(JsonParser parser, JsonToken token) {
		return switch (token) {
			case START_OBJECT -> readObject(parser);
			case START_ARRAY -> readArray(parser);
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
			case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw invalid();
		};
	}

	private static List<Object> readArray(JsonParser parser) {
		List<Object> values = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			values.add(readValue(parser, token));
		}
		return values;
	}

	private static ApiException invalid() {
		return new ApiException(ApiError.INVALID_JSON);
	}

	/**
	 * Whether a field is present and not {@code null}.
	 * @param name the field's name
	 * @return whether it is there
	 */
	public boolean has(String name) {
		return this.fields.containsKey(name);
	}

	/**
	 * The names of the fields present, lower-cased.
	 * @return the names
	 */
	public Set<String> names() {
		return this.fields.keySet();
	}

	/**
	 * Whether the object has no field.
	 * @return {@code true} for {@code {}} and an empty body
	 */
	public boolean isEmpty() {
		return this.fields.isEmpty();
	}

	/**
	 * A string field.
	 * @param name the field's name
	 * @param absent what to return when it is absent
	 * @return the string
	 * @throws ApiException (invalid JSON) when the field is not a string
	 */
	public String string(String name, String absent) {
		Object value = this.fields.get(name);
		if (value == null) {
			return absent;
		}
		if (value instanceof String string) {
			return string;
		}
		throw invalid();
	}

	/**
	 * An integer field, as Go reads into an {@code int64}.
	 * @param name the field's name
	 * @param absent what to return when it is absent
	 * @return the number
	 * @throws ApiException (invalid JSON) when the field is not an integer that fits
	 */
	public long longValue(String name, long absent) {
		Object value = this.fields.get(name);
		if (value == null) {
			return absent;
		}
		if (value instanceof BigInteger number && number.bitLength() < 64) {
			return number.longValue();
		}
		throw invalid();
	}

	/**
	 * An unsigned integer field, as Go reads into a {@code uint64}: negative numbers are invalid JSON.
	 * @param name the field's name
	 * @param absent what to return when it is absent
	 * @return the number
	 * @throws ApiException (invalid JSON) when the field is not a non-negative integer that fits a long
	 */
	public long unsignedValue(String name, long absent) {
		long value = longValue(name, absent);
		if (value < 0 && has(name)) {
			throw invalid();
		}
		return value;
	}

	/**
	 * A duration field in nanoseconds, as Go reads a {@code time.Duration}.
	 * @param name the field's name
	 * @param absent what to return when it is absent
	 * @return the duration
	 * @throws ApiException (invalid JSON) when the field is not an integer
	 */
	public Duration duration(String name, Duration absent) {
		return has(name) ? Duration.ofNanos(longValue(name, 0)) : absent;
	}

	/**
	 * A boolean field.
	 * @param name the field's name
	 * @param absent what to return when it is absent
	 * @return the boolean
	 * @throws ApiException (invalid JSON) when the field is not a boolean
	 */
	public boolean bool(String name, boolean absent) {
		Object value = this.fields.get(name);
		if (value == null) {
			return absent;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw invalid();
	}

	/**
	 * An object field.
	 * @param name the field's name
	 * @return the object, or {@code null} when absent
	 * @throws ApiException (invalid JSON) when the field is not an object
	 */
	public JsonObject object(String name) {
		Object value = this.fields.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof JsonObject object) {
			return object;
		}
		throw invalid();
	}

	/**
	 * An array of strings.
	 * @param name the field's name
	 * @return the strings, empty when absent
	 * @throws ApiException (invalid JSON) when the field is not an array of strings
	 */
	public List<String> strings(String name) {
		Object value = this.fields.get(name);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw invalid();
		}
		List<String> strings = new ArrayList<>(list.size());
		for (Object element : list) {
			if (!(element instanceof String string)) {
				throw invalid();
			}
			strings.add(string);
		}
		return strings;
	}

	/**
	 * An array field, its elements as read: {@link JsonObject}, {@link List}, {@link String}, {@link BigInteger},
	 * {@link Double}, {@link Boolean} or {@code null}.
	 * @param name the field's name
	 * @return the elements, empty when absent
	 * @throws ApiException (invalid JSON) when the field is not an array
	 */
	public List<Object> array(String name) {
		Object value = this.fields.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return Collections.unmodifiableList(new ArrayList<>(list));
		}
		throw invalid();
	}

	@Override
	public String toString() {
		return this.fields.toString();
	}
}
