package io.github.natsspring.autoconfigure;

import java.util.Locale;

/**
 * Whether the application talks to the broker it embeds or to servers elsewhere.
 */
enum NatsMode {

	EMBEDDED, REMOTE;

	static NatsMode of(NatsConnectionDetails connectionDetails) {
		return (connectionDetails instanceof EmbeddedNatsConnectionDetails) ? EMBEDDED : REMOTE;
	}

	String displayName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
