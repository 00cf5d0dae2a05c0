package io.github.natsspring.listener.adapter;

import java.util.List;

import io.github.natsspring.core.NatsMessageConverter;

import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

/**
 * The spring-messaging {@code MessageHandlerMethodFactory} for NATS listeners: payloads are read with a
 * {@link NatsMessageConverter}, and parameters of the jnats {@code Message} and {@code Connection} types are
 * resolved to the received message and its connection. A validator, when set, validates {@code @Valid} and
 * {@code @Validated} payloads.
 */
public class NatsMessageHandlerMethodFactory extends DefaultMessageHandlerMethodFactory {

	/**
	 * Creates a factory reading payloads with the given converter.
	 * @param messageConverter the converter
	 */
	public NatsMessageHandlerMethodFactory(NatsMessageConverter messageConverter) {
		setMessageConverter(new NatsPayloadMessageConverter(messageConverter));
		setCustomArgumentResolvers(List.of(new NatsMessageArgumentResolver(), new NatsConnectionArgumentResolver()));
	}
}
