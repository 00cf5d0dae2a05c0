package io.github.natsspring.autoconfigure;

import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * Callback to adjust the options of the embedded broker after the {@code nats.embedded.*} properties have
 * been applied, e.g. to set limits that have no property. Customizers run in
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface NatsBrokerOptionsCustomizer {

	/**
	 * Customizes the broker options builder.
	 * @param builder the builder, already holding the configured host, port, name, payload limit and auth
	 */
	void customize(NatsBrokerOptions.Builder builder);
}
