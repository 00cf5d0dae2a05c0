package io.github.natsspring.broker.config;

/**
 * A value of the wrong type where nats-server asserts one and panics: its message, such as
 * {@code interface conversion: interface {} is string, not int64}, becomes an error at the place nats-server
 * recovers, which also ends what that place was reading.
 */
final class ConfigTypeMismatch extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient ConfigLocation location;

	ConfigTypeMismatch(ConfigLocation location, String message) {
		super(message, null, false, false);
		this.location = location;
	}

	ConfigLocation location() {
		return this.location;
	}
}
