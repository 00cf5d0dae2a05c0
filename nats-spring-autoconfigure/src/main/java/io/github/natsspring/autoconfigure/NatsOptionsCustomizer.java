package io.github.natsspring.autoconfigure;

import io.nats.client.Options;

/**
 * Callback to adjust the jnats {@link Options} of the auto-configured connection after the {@code nats.*}
 * properties have been applied. Customizers run in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface NatsOptionsCustomizer {

	/**
	 * Customizes the options builder.
	 * @param builder the builder, already holding the configured servers, credentials and timeouts
	 */
	void customize(Options.Builder builder);
}
