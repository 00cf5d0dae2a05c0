package io.github.natsspring.listener.adapter;

import io.nats.client.Message;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Resolves parameters of the jnats {@link Message} type to the message being handled.
 */
public class NatsMessageArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Message.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, org.springframework.messaging.Message<?> message) {
		Message raw = NatsInboundMessageMapper.rawMessage(message);
		if (raw == null) {
			throw new IllegalStateException("The message was not received from NATS: " + message);
		}
		return raw;
	}
}
