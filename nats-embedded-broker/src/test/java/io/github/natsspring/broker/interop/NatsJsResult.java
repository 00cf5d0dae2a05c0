package io.github.natsspring.broker.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What one run of the nats.js harness printed: its exit status and the fields of its JSON result line, with
 * objects as maps, arrays as lists and scalars as strings, booleans or numbers.
 *
 * @param exitCode the node process's exit status (0 ok, 1 error, 2 timeout, 64 usage)
 * @param fields the result line's fields, {@code scenario} and {@code outcome} among them
 * @param diagnostics the process's stdout and stderr, for failure messages
 */
record NatsJsResult(int exitCode, Map<String, Object> fields, String diagnostics) {

	private static final JsonFactory JSON = new JsonFactory();

	/** {@code ok}, {@code error}, {@code timeout} or {@code usage}. */
	String outcome() {
		return (String) fields.get("outcome");
	}

	/**
	 * Reads the result from the harness's stdout, whose last non-empty line is the JSON result.
	 * @throws IllegalStateException when there is no such line
	 */
	static NatsJsResult parse(int exitCode, String stdout, String stderr) {
		String diagnostics = "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
		String line = stdout.strip().lines().reduce((first, second) -> second).orElse("");
		if (!line.startsWith("{")) {
			throw new IllegalStateException("the nats.js harness printed no result line; " + diagnostics);
		}
		return new NatsJsResult(exitCode, parseObject(line), diagnostics);
	}

	/** Reads a JSON object the way result lines are read, so an expectation written as JSON compares equal. */
	static Map<String, Object> parseObject(String json) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("not a JSON object: " + json);
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) read(parser);
			return object;
		}
	}

	private static Object read(JsonParser parser) {
		JsonToken token = parser.currentToken();
		return switch (token) {
			case START_OBJECT -> {
				Map<String, Object> object = new LinkedHashMap<>();
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					parser.nextToken();
					object.put(name, read(parser));
				}
				yield object;
			}
			case START_ARRAY -> {
				List<Object> array = new ArrayList<>();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					array.add(read(parser));
				}
				yield array;
			}
			case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
			case VALUE_NULL -> null;
			default -> parser.getString();
		};
	}

	@Override
	public String toString() {
		return fields.toString();
	}
}
