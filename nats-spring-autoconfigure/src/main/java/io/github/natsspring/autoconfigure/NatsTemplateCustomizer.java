package io.github.natsspring.autoconfigure;

import io.github.natsspring.core.NatsTemplate;

/**
 * Callback to adjust the auto-configured {@link NatsTemplate}. Customizers run in
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface NatsTemplateCustomizer {

	/**
	 * Customizes the template.
	 * @param template the template, already configured from {@code nats.template.*}
	 */
	void customize(NatsTemplate template);
}
