package io.github.natsspring.broker.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsspring.broker.protocol.ProtocolViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the JSON of a route's {@code CONNECT} or {@code INFO} into maps, lists, strings, numbers and booleans;
 * the readers of each take the fields they know.
 */
final class RouteJson {

	private static final JsonFactory JSON = new JsonFactory();

	private RouteJson() {
	}

	/**
	 * Reads a JSON object.
	 * @param json the text
	 * @return its fields in order
	 * @throws ProtocolViolation when the text is not a JSON object
	 */
	static Map<String, Object> read(String json) throws ProtocolViolation {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw refused();
			}
			return readObject(parser);
		}
		catch (JacksonException ex) {
			throw refused();
		}
	}

	private static Map<String, Object> readObject(JsonParser parser) {
		Map<String, Object> fields = new LinkedHashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			fields.put(name, readValue(parser));
		}
		return fields;
	}

	private static Object readValue(JsonParser parser) {
		return switch (parser.currentToken()) {
			case START_OBJECT -> readObject(parser);
			case START_ARRAY -> {
				List<Object> values = new ArrayList<>();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					values.add(readValue(parser));
				}
				yield values;
			}
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> parser.getLongValue();
			case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			default -> null;
		};
	}

	static String string(Map<String, Object> fields, String name) {
		return (fields.get(name) instanceof String value) ? value : null;
	}

	static boolean bool(Map<String, Object> fields, String name) {
		return Boolean.TRUE.equals(fields.get(name));
	}

	static int integer(Map<String, Object> fields, String name) {
		return (fields.get(name) instanceof Number value) ? value.intValue() : 0;
	}

	static List<String> strings(Map<String, Object> fields, String name) {
		List<String> values = new ArrayList<>();
		if (fields.get(name) instanceof List<?> list) {
			for (Object value : list) {
				if (value instanceof String text) {
					values.add(text);
				}
			}
		}
		return values;
	}

	private static ProtocolViolation refused() {
		return new ProtocolViolation(ProtocolViolation.Kind.SILENT_CLOSE, "route JSON is not an object");
	}
}
