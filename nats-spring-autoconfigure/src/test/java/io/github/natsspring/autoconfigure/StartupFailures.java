package io.github.natsspring.autoconfigure;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.fail;

/**
 * Digs the configuration error out of a failed startup, wherever bean creation wrapped it.
 */
final class StartupFailures {

	private StartupFailures() {
	}

	static InvalidConfigurationPropertyValueException invalidProperty(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationPropertyValueException invalid) {
				return invalid;
			}
		}
		return fail("no InvalidConfigurationPropertyValueException caused " + failure, failure);
	}
}
