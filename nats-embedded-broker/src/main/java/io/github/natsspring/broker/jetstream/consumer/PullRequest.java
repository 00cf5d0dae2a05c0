package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A request for messages sent to {@code $JS.API.CONSUMER.MSG.NEXT.<stream>.<consumer>}: a JSON object
 * ({@code batch}, {@code expires}, {@code no_wait}, {@code max_bytes}, {@code idle_heartbeat}, durations in
 * nanoseconds), a bare number (the batch), or an empty body (one message, no expiry).
 *
 * @param batch how many messages to deliver
 * @param expires how long the request waits, in nanoseconds, 0 for no expiry
 * @param noWait whether to answer at once when nothing is available
 * @param maxBytes the most bytes to deliver, 0 for no limit
 * @param idleHeartbeat the heartbeat interval while waiting, in nanoseconds, 0 for none
 */
public record PullRequest(int batch, long expires, boolean noWait, int maxBytes, long idleHeartbeat) {

	private static final JsonFactory JSON = new JsonFactory();

	/**
	 * Reads a request body as nats-server's {@code nextReqFromMsg} does.
	 * @param body the request's payload
	 * @return the request
	 * @throws IllegalArgumentException with the text nats-server puts after "Bad Request - " in its 400 status
	 */
	public static PullRequest parse(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).trim();
		if (text.isEmpty()) {
			return new PullRequest(1, 0, false, 0, 0);
		}
		if (text.charAt(0) == '{') {
			return parseJson(text);
		}
		try {
			return new PullRequest(Integer.parseInt(text), 0, false, 0, 0);
		}
		catch (NumberFormatException ex) {
			return new PullRequest(1, 0, false, 0, 0);
		}
	}

	private static PullRequest parseJson(String text) {
		int batch = 0;
		long expires = 0;
		boolean noWait = false;
		int maxBytes = 0;
		long heartbeat = 0;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
			parser.nextToken();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName().toLowerCase(Locale.ROOT);
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_NULL) {
					continue;
				}
				switch (name) {
					case "batch" -> batch = (int) number(parser, value);
					case "expires" -> expires = number(parser, value);
					case "max_bytes" -> maxBytes = (int) number(parser, value);
					case "idle_heartbeat" -> heartbeat = number(parser, value);
					case "no_wait" -> noWait = bool(parser, value);
					default -> parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
		if (heartbeat > 0 && heartbeat * 2 > expires) {
			throw new IllegalArgumentException("heartbeat value too large");
		}
		return new PullRequest(batch, expires, noWait, maxBytes, heartbeat);
	}

	private static long number(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_NUMBER_INT) {
			throw new IllegalArgumentException("json: cannot unmarshal into field " + parser.currentName()
					+ " of type number");
		}
		return parser.getLongValue();
	}

	private static boolean bool(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
			throw new IllegalArgumentException("json: cannot unmarshal into field " + parser.currentName()
					+ " of type bool");
		}
		return value == JsonToken.VALUE_TRUE;
	}
}
