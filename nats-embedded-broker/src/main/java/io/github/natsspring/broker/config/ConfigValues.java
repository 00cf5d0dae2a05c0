package io.github.natsspring.broker.config;

import java.util.List;
import java.util.Map;

/** Reads a {@link ConfigValue} as one type, failing as nats-server's type assertions fail. */
final class ConfigValues {

	private ConfigValues() {
	}

	static String string(ConfigValue value) {
		return as(value, String.class, "string");
	}

	static long int64(ConfigValue value) {
		return as(value, Long.class, "int64");
	}

	static boolean bool(ConfigValue value) {
		return as(value, Boolean.class, "bool");
	}

	@SuppressWarnings("unchecked")
	static Map<String, ConfigValue> map(ConfigValue value) {
		return as(value, Map.class, "map[string]interface {}");
	}

	@SuppressWarnings("unchecked")
	static List<ConfigValue> list(ConfigValue value) {
		return as(value, List.class, "[]interface {}");
	}

	private static <T> T as(ConfigValue value, Class<T> type, String goType) {
		if (!type.isInstance(value.value())) {
			throw new ConfigTypeMismatch(value.location(),
					"interface conversion: interface {} is " + value.goTypeName() + ", not " + goType);
		}
		return type.cast(value.value());
	}

	/** Go's {@code %v} of a configuration value, as some of nats-server's messages print it. */
	static String goValue(Object value) {
		if (value instanceof ConfigValue configValue) {
			return goValue(configValue.value());
		}
		if (value instanceof List<?> list) {
			StringBuilder text = new StringBuilder("[");
			for (int i = 0; i < list.size(); i++) {
				text.append((i > 0) ? " " : "").append(goValue(list.get(i)));
			}
			return text.append(']').toString();
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder text = new StringBuilder("map[");
			map.keySet().stream().map(String::valueOf).sorted().forEach((key) -> text
				.append((text.length() > 4) ? " " : "").append(key).append(':').append(goValue(map.get(key))));
			return text.append(']').toString();
		}
		return String.valueOf(value);
	}
}
