package io.github.natsspring.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which clients drive the servers: the jnats scenarios (with the starter rows and idle connections), the nats.go
 * generator's sections, or both.
 */
public enum LoadClients {

	/** Only the nats.go generator's sections. */
	GO,

	/** Only the jnats scenarios, the starter rows and the idle connections. */
	JNATS,

	/** Everything. */
	BOTH;

	/**
	 * Parses the value of {@code --load}.
	 * @param text {@code go}, {@code jnats} or {@code both}
	 * @return the choice
	 * @throws IllegalArgumentException for any other text
	 */
	public static LoadClients parse(String text) {
		return Arrays.stream(values())
			.filter((choice) -> choice.name().equalsIgnoreCase(text.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("--load takes go, jnats or both, not " + text));
	}

	/**
	 * Returns whether the nats.go sections run.
	 * @return {@code true} for {@code go} and {@code both}
	 */
	public boolean includesGo() {
		return this != JNATS;
	}

	/**
	 * Returns whether the jnats scenarios run.
	 * @return {@code true} for {@code jnats} and {@code both}
	 */
	public boolean includesJnats() {
		return this != GO;
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
