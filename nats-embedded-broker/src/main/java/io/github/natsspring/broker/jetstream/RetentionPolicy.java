package io.github.natsspring.broker.jetstream;

import java.util.Locale;

/**
 * When a stream lets go of a message ({@code retention}).
 */
public enum RetentionPolicy {

	/** Only the limits remove messages: {@code "limits"}, the default. */
	LIMITS,

	/** A message is removed once every consumer whose filter matches it has acknowledged it: {@code "interest"}. */
	INTEREST,

	/** A message is removed once its consumer acknowledged it: {@code "workqueue"}. */
	WORKQUEUE;

	/**
	 * The name in a stream configuration.
	 * @return e.g. {@code "limits"}
	 */
	public String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
