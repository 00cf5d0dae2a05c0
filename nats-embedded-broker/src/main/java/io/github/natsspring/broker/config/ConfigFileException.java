package io.github.natsspring.broker.config;

import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.NatsBrokerException;

/**
 * A configuration file that parses but holds errors: unknown keys, values of the wrong type or out of range.
 * As nats-server, every error is reported, each as {@code file:line:column: reason}, after the warnings.
 */
public class ConfigFileException extends NatsBrokerException {

	private static final long serialVersionUID = 1L;

	private final List<String> errors;

	private final List<String> warnings;

	/**
	 * Creates the exception.
	 * @param errors the errors, at least one
	 * @param warnings the warnings
	 */
	public ConfigFileException(List<String> errors, List<String> warnings) {
		super(String.join("\n", all(errors, warnings)));
		this.errors = List.copyOf(errors);
		this.warnings = List.copyOf(warnings);
	}

	private static List<String> all(List<String> errors, List<String> warnings) {
		List<String> all = new ArrayList<>(warnings);
		all.addAll(errors);
		return all;
	}

	/**
	 * The errors, in the order the file gave them.
	 * @return the errors, e.g. {@code nats.conf:3:2: unknown field "prot"}
	 */
	public List<String> getErrors() {
		return this.errors;
	}

	/**
	 * The warnings, such as a duration given as a plain number of seconds.
	 * @return the warnings
	 */
	public List<String> getWarnings() {
		return this.warnings;
	}
}
