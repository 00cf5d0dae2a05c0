package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.github.natsspring.broker.protocol.GoDuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What a client published to an ack subject: {@code +ACK} (or an empty body, or {@code +OK}), {@code -NAK} with an
 * optional delay ({@code {"delay":ns}} or a Go duration), {@code +WPI}, {@code +TERM}, or {@code +NXT} with an
 * optional pull request after it. A body nats-server does not recognise is ignored ({@link Kind#UNKNOWN}).
 *
 * @param kind what the client asked for
 * @param delay for a {@link Kind#NAK}, how long to wait before redelivering in nanoseconds, -1 for at once
 * @param nextRequest for a {@link Kind#NEXT}, the pull request after the verb (possibly empty)
 */
public record AckRequest(Kind kind, long delay, byte[] nextRequest) {

	private static final JsonFactory JSON = new JsonFactory();

	private static final byte[] EMPTY = new byte[0];

	/**
	 * What an ack asks for.
	 */
	public enum Kind {

		/** The message was processed. */
		ACK,

		/** Deliver the message again. */
		NAK,

		/** Still working on it: restart the ack wait. */
		PROGRESS,

		/** Never deliver the message again. */
		TERM,

		/** Ack, then deliver the next message(s) to the reply subject. */
		NEXT,

		/** Not an ack nats-server knows; nothing happens. */
		UNKNOWN
	}

	/**
	 * Reads an ack body.
	 * @param body the payload published to the ack subject
	 * @return what it asks for
	 */
	public static AckRequest parse(byte[] body) {
		if (body.length == 0 || is(body, "+ACK") || is(body, "+OK")) {
			return new AckRequest(Kind.ACK, -1, EMPTY);
		}
		if (startsWith(body, "+NXT")) {
			return new AckRequest(Kind.NEXT, -1, Arrays.copyOfRange(body, 4, body.length));
		}
		if (startsWith(body, "-NAK")) {
			return new AckRequest(Kind.NAK, nakDelay(new String(body, 4, body.length - 4, StandardCharsets.UTF_8).trim()),
					EMPTY);
		}
		if (is(body, "+WPI")) {
			return new AckRequest(Kind.PROGRESS, -1, EMPTY);
		}
		if (is(body, "+TERM")) {
			return new AckRequest(Kind.TERM, -1, EMPTY);
		}
		return new AckRequest(Kind.UNKNOWN, -1, EMPTY);
	}

	/** A delay nats-server cannot read makes the nak a plain one, as nats-server does (with a warning). */
	private static long nakDelay(String argument) {
		if (argument.isEmpty()) {
			return -1;
		}
		if (argument.charAt(0) == '{') {
			try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), argument)) {
				long delay = 0;
				if (parser.nextToken() != JsonToken.START_OBJECT) {
					return -1;
				}
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if (name.equalsIgnoreCase("delay")) {
						if (value != JsonToken.VALUE_NUMBER_INT) {
							return -1;
						}
						delay = parser.getLongValue();
					}
					else {
						parser.skipChildren();
					}
				}
				return Math.max(0, delay);
			}
			catch (JacksonException ex) {
				return -1;
			}
		}
		try {
			Duration delay = GoDuration.parse(argument);
			return Math.max(0, delay.toNanos());
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	private static boolean is(byte[] body, String verb) {
		return body.length == verb.length() && startsWith(body, verb);
	}

	private static boolean startsWith(byte[] body, String verb) {
		if (body.length < verb.length()) {
			return false;
		}
		for (int i = 0; i < verb.length(); i++) {
			if (body[i] != verb.charAt(i)) {
				return false;
			}
		}
		return true;
	}
}
