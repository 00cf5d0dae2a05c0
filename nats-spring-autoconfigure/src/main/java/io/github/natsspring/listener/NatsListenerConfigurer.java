package io.github.natsspring.listener;

/**
 * Implemented by beans that register listener endpoints in code rather than with
 * {@link io.github.natsspring.annotation.NatsListener @NatsListener}, or that adjust the shared listener
 * infrastructure. Every configurer bean is called, in {@link org.springframework.core.annotation.Order order},
 * once all singletons exist and before any endpoint gets its container; the registrar then already holds the
 * context's container factory, handler method factory, converter and default error handler, which a
 * configurer may replace.
 */
@FunctionalInterface
public interface NatsListenerConfigurer {

	/**
	 * Registers endpoints on, or adjusts, the registrar.
	 * @param registrar the registrar of the application's listener endpoints
	 */
	void configureNatsListeners(NatsListenerEndpointRegistrar registrar);
}
