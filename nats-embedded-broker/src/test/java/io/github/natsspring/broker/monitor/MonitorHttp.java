package io.github.natsspring.broker.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a monitoring port over real HTTP with Java's {@link HttpClient}, and parses its JSON into maps (keys in
 * the order sent), lists, strings, numbers and booleans.
 */
public final class MonitorHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonFactory JSON = new JsonFactory();

	private final int port;

	private MonitorHttp(int port) {
		this.port = port;
	}

	/** A reader of the monitoring port on the loopback interface. */
	public static MonitorHttp on(int port) {
		return new MonitorHttp(port);
	}

	/** Sends a GET and returns the response whatever its status. */
	public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Sends a GET that must answer 200 with a JSON object, and parses it. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> json(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = get(pathAndQuery);
		if (response.statusCode() != 200) {
			throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
		}
		return (Map<String, Object>) parse(response.body());
	}

	/** Parses JSON text. */
	public static Object parse(String text) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
			parser.nextToken();
			return value(parser);
		}
	}

	private static Object value(JsonParser parser) {
		JsonToken token = parser.currentToken();
		switch (token) {
			case START_OBJECT -> {
				Map<String, Object> object = new LinkedHashMap<>();
				while (parser.nextToken() != JsonToken.END_OBJECT) {
					String name = parser.currentName();
					parser.nextToken();
					object.put(name, value(parser));
				}
				return object;
			}
			case START_ARRAY -> {
				List<Object> array = new ArrayList<>();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					array.add(value(parser));
				}
				return array;
			}
			case VALUE_STRING -> {
				return parser.getString();
			}
			case VALUE_NUMBER_INT -> {
				return parser.getLongValue();
			}
			case VALUE_NUMBER_FLOAT -> {
				return parser.getDoubleValue();
			}
			case VALUE_TRUE, VALUE_FALSE -> {
				return parser.getBooleanValue();
			}
			case VALUE_NULL -> {
				return null;
			}
			default -> throw new IllegalStateException("unexpected " + token);
		}
	}
}
