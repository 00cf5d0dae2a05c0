package io.github.natsspring.autoconfigure.listener;

import io.github.natsspring.listener.NatsListenerContainerFactory;

/**
 * Callback to adjust the auto-configured {@link NatsListenerContainerFactory}. Customizers run in
 * {@link org.springframework.core.annotation.Order order}, after the {@code nats.listener.*} defaults are applied.
 */
@FunctionalInterface
public interface NatsListenerContainerFactoryCustomizer {

	/**
	 * Customizes the factory.
	 * @param factory the factory, already configured from {@code nats.listener.*}
	 */
	void customize(NatsListenerContainerFactory factory);
}
