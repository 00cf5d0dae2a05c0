package io.github.natsspring.broker.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value of a parsed configuration file with where it was written: a string, an integer ({@code long}, size
 * suffixes applied), a float ({@code double}), a boolean, a date-time ({@link Instant}), an array
 * ({@code List<ConfigValue>}) or a map ({@code Map<String, ConfigValue>}, keys as written, in file order).
 * A value that a variable reference used is marked, so that its definition is not taken for an unknown key.
 */
public final class ConfigValue {

	private final Object value;

	private final ConfigLocation location;

	private boolean usedAsVariable;

	ConfigValue(Object value, ConfigLocation location) {
		this.value = Objects.requireNonNull(value, "value");
		this.location = Objects.requireNonNull(location, "location");
	}

	/**
	 * The value itself.
	 * @return a {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code Instant},
	 * {@code List<ConfigValue>} or {@code Map<String, ConfigValue>}
	 */
	public Object value() {
		return this.value;
	}

	/**
	 * Where the value (for a map entry: its key) was written.
	 * @return the location
	 */
	public ConfigLocation location() {
		return this.location;
	}

	/**
	 * Whether a {@code $NAME} reference used this value, which makes its key a variable definition.
	 * @return {@code true} once referenced
	 */
	public boolean isUsedAsVariable() {
		return this.usedAsVariable;
	}

	void markUsedAsVariable() {
		this.usedAsVariable = true;
	}

	/** The same value seen from another place, as a variable reference is. */
	ConfigValue at(ConfigLocation otherLocation) {
		return new ConfigValue(this.value, otherLocation);
	}

	/**
	 * The Go type name nats-server's messages give this kind of value, as in
	 * {@code interface conversion: interface {} is string, not int64}.
	 * @return {@code string}, {@code int64}, {@code float64}, {@code bool}, {@code time.Time},
	 * {@code []interface {}} or {@code map[string]interface {}}
	 */
	public String goTypeName() {
		return goTypeName(this.value);
	}

	static String goTypeName(Object value) {
		if (value instanceof String) {
			return "string";
		}
		if (value instanceof Long) {
			return "int64";
		}
		if (value instanceof Double) {
			return "float64";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Instant) {
			return "time.Time";
		}
		if (value instanceof List) {
			return "[]interface {}";
		}
		if (value instanceof Map) {
			return "map[string]interface {}";
		}
		throw new IllegalStateException("not a configuration value: " + value.getClass());
	}

	@Override
	public String toString() {
		return this.value + "@" + this.location;
	}
}
