package io.github.natsspring.broker.config;

import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.protocol.GoQuote;

/** The errors and warnings found while reading a configuration file, worded as nats-server words them. */
final class ConfigProblems {

	private final List<String> errors = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	/** An error at a place: {@code file:line:column: reason}; without a place, the reason alone. */
	void error(ConfigLocation location, String reason) {
		this.errors.add((location != null) ? location + ": " + reason : reason);
	}

	void error(ConfigValue value, String reason) {
		error(value.location(), reason);
	}

	void typeMismatch(ConfigTypeMismatch mismatch) {
		error(mismatch.location(), mismatch.getMessage());
	}

	/** An unknown key, unless its value was a variable's definition. */
	void unknownField(String key, ConfigValue value) {
		errorUnlessVariable(value, "unknown field " + GoQuote.quote(key));
	}

	/** An error about a key nats-server does not expect, unless its value was a variable's definition. */
	void errorUnlessVariable(ConfigValue value, String reason) {
		if (!value.isUsedAsVariable()) {
			error(value.location(), reason);
		}
	}

	void warning(ConfigValue value, String field, String reason) {
		this.warnings.add(value.location() + ": invalid use of field " + GoQuote.quote(field) + ": " + reason);
	}

	List<String> errors() {
		return List.copyOf(this.errors);
	}

	List<String> warnings() {
		return List.copyOf(this.warnings);
	}
}
