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
		return cause(failure, InvalidConfigurationPropertyValueException.class);
	}

	static NatsEmbeddedConfigFileException configFile(Throwable failure) {
		return cause(failure, NatsEmbeddedConfigFileException.class);
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return fail("no " + type.getSimpleName() + " caused " + failure, failure);
	}
}
