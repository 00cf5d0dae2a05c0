package io.github.natsspring.broker.config;

import java.util.Locale;
import java.util.Map;

import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Reads the {@code jetstream} entry of a configuration file as nats-server's {@code parseJetStream} does: a
 * boolean, {@code enabled}/{@code disabled}, or a block whose presence turns JetStream on (unless it says
 * {@code enabled: false}) with {@code store_dir}, {@code max_memory_store} and {@code max_file_store}. Also the
 * top-level {@code store_dir}.
 */
final class JetStreamReader {

	private final ConfigProblems problems;

	private final ServerSettings.Builder settings;

	JetStreamReader(ConfigProblems problems, ServerSettings.Builder settings) {
		this.problems = problems;
		this.settings = settings;
	}

	void read(ConfigValue value) {
		Object raw = value.value();
		if (raw instanceof Boolean enabled) {
			this.settings.jetStream(enabled);
		}
		else if (raw instanceof String text) {
			switch (text.toLowerCase(Locale.ROOT)) {
				case "enabled", "enable" -> this.settings.jetStream(true);
				case "disabled", "disable" -> this.settings.jetStream(false);
				default -> this.problems.error(value,
						"Expected 'enabled' or 'disabled' for string value, got '" + text + "'");
			}
		}
		else if (raw instanceof Map<?, ?>) {
			readBlock(value);
		}
		else {
			this.problems.error(value,
					"Expected map, bool or string to define JetStream, got " + value.goTypeName());
		}
	}

	private void readBlock(ConfigValue value) {
		boolean enable = true;
		for (Map.Entry<String, ConfigValue> entry : ConfigValues.map(value).entrySet()) {
			String key = entry.getKey();
			ConfigValue field = entry.getValue();
			switch (key.toLowerCase(Locale.ROOT)) {
				case "store", "store_dir", "storedir" -> {
					if (!storeDir(field)) {
						return;
					}
				}
				case "max_memory_store", "max_mem_store", "max_mem" -> {
					Long size = storageSize(field, "max_mem_store");
					if (size == null) {
						return;
					}
					this.settings.maxMemoryStore(size);
				}
				case "max_file_store", "max_file" -> {
					Long size = storageSize(field, "max_file_store");
					if (size == null) {
						return;
					}
					this.settings.maxFileStore(size);
				}
				case "enable", "enabled" -> enable = ConfigValues.bool(field);
				case "domain", "key", "ek", "encryption_key", "cipher", "extension_hint", "limits", "unique_tag",
						"max_outstanding_catchup" ->
					this.problems.error(field, "field " + GoQuote.quote(key) + " is not supported by this broker");
				default -> this.problems.unknownField(key, field);
			}
		}
		this.settings.jetStream(enable);
	}

	/**
	 * The top-level {@code store_dir}, or the block's: nats-server refuses a second one.
	 * @return whether reading may go on
	 */
	boolean storeDir(ConfigValue value) {
		if (!this.settings.storeDir().isEmpty()) {
			this.problems.error(value, "Duplicate 'store_dir' configuration");
			return false;
		}
		this.settings.storeDir(ConfigValues.string(value));
		return true;
	}

	// nats-server's getStorageSize: an integer (the parser has applied KB/MB/… suffixes), or a string ending in
	// K, M, G or T (powers of 1024)
	private Long storageSize(ConfigValue value, String field) {
		Object raw = value.value();
		if (raw instanceof Long size) {
			return size;
		}
		if (!(raw instanceof String text)) {
			this.problems.error(value, field + " must be int64 or string");
			return null;
		}
		if (text.isEmpty()) {
			return 0L;
		}
		String prefix = text.substring(0, text.length() - 1);
		long number;
		try {
			number = Long.parseLong(prefix);
		}
		catch (NumberFormatException ex) {
			this.problems.error(value,
					field + " strconv.ParseInt: parsing " + GoQuote.quote(prefix) + ": invalid syntax");
			return null;
		}
		int shift = switch (text.charAt(text.length() - 1)) {
			case 'K' -> 10;
			case 'M' -> 20;
			case 'G' -> 30;
			case 'T' -> 40;
			default -> -1;
		};
		if (shift < 0) {
			this.problems.error(value, field + " sizes defined as strings must end in K, M, G, T");
			return null;
		}
		return number << shift;
	}
}
