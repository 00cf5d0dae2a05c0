package io.github.natsspring.broker.jetstream;

import java.util.Locale;

/**
 * Where a stream keeps its messages ({@code storage}).
 */
public enum StorageType {

	/** In files under the store directory, surviving a restart: {@code "file"}, the default. */
	FILE,

	/** In memory only; gone after a restart, as in nats-server: {@code "memory"}. */
	MEMORY;

	/**
	 * The name in a stream configuration.
	 * @return e.g. {@code "file"}
	 */
	public String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
