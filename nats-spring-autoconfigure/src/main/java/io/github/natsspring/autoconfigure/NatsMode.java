package io.github.natsspring.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whether the application talks to the broker it embeds or to servers elsewhere, as its
 * {@link NatsConnectionDetails} say.
 */
public enum NatsMode {

	/** The broker started in this application. */
	EMBEDDED,

	/** Servers elsewhere: {@code nats.servers}, or connection details the application (or Testcontainers) gives. */
	REMOTE;

	static NatsMode of(@Nullable NatsConnectionDetails connectionDetails) {
		return (connectionDetails != null) ? connectionDetails.getMode() : REMOTE;
	}

	String displayName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
