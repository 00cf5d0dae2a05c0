package io.github.natsspring.listener.adapter;

import io.nats.client.Connection;
import io.nats.client.Message;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Resolves parameters of the jnats {@link Connection} type to the connection the message arrived on.
 */
public class NatsConnectionArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Connection.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, org.springframework.messaging.Message<?> message) {
		Message raw = NatsInboundMessageMapper.rawMessage(message);
		if (raw == null || raw.getConnection() == null) {
			throw new IllegalStateException("The message was not received from a NATS connection: " + message);
		}
		return raw.getConnection();
	}
}
