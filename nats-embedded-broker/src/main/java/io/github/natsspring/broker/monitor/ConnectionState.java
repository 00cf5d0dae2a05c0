package io.github.natsspring.broker.monitor;

import java.util.Locale;

/** Which connections {@code /connz} lists: {@code state=open} (the default), {@code closed}, or {@code all}. */
enum ConnectionState {

	OPEN, CLOSED, ALL;

	/**
	 * Reads {@code state} as nats-server does, case-insensitively, {@code any} meaning {@code all}.
	 * @throws BadQueryException {@code Error decoding state for <value>}
	 */
	static ConnectionState parse(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "", "open" -> OPEN;
			case "closed" -> CLOSED;
			case "any", "all" -> ALL;
			default -> throw new BadQueryException("Error decoding state for " + text);
		};
	}

	boolean includesOpen() {
		return this != CLOSED;
	}

	boolean includesClosed() {
		return this != OPEN;
	}
}
