package io.github.natsspring.listener.adapter;

import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.core.NatsMessageConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * The spring-messaging {@code MessageHandlerMethodFactory} for NATS listeners: payloads are read with a
 * {@link NatsMessageConverter}, and parameters of the jnats {@code Message} and {@code Connection} types are
 * resolved to the received message and its connection. A validator, when set, validates {@code @Valid} and
 * {@code @Validated} payloads. {@link #setCustomArgumentResolvers(List) Custom resolvers} come after the
 * NATS ones and before the payload, and are consulted when listener methods are checked at startup.
 */
public class NatsMessageHandlerMethodFactory extends DefaultMessageHandlerMethodFactory {

	private static final List<HandlerMethodArgumentResolver> NATS_RESOLVERS = List
		.of(new NatsMessageArgumentResolver(), new NatsConnectionArgumentResolver());

	private List<HandlerMethodArgumentResolver> resolvers = List.of();

	/**
	 * Creates a factory reading payloads with the given converter.
	 * @param messageConverter the converter
	 */
	public NatsMessageHandlerMethodFactory(NatsMessageConverter messageConverter) {
		setMessageConverter(new NatsPayloadMessageConverter(messageConverter));
		super.setCustomArgumentResolvers(NATS_RESOLVERS);
	}

	/**
	 * Adds resolvers for parameter types of the application, tried after the NATS resolvers and before the
	 * payload.
	 * @param customArgumentResolvers the resolvers
	 */
	@Override
	public void setCustomArgumentResolvers(List<HandlerMethodArgumentResolver> customArgumentResolvers) {
		List<HandlerMethodArgumentResolver> all = new ArrayList<>(NATS_RESOLVERS);
		all.addAll(customArgumentResolvers);
		super.setCustomArgumentResolvers(all);
	}

	@Override
	public void setArgumentResolvers(@Nullable List<HandlerMethodArgumentResolver> argumentResolvers) {
		super.setArgumentResolvers(argumentResolvers);
		this.resolvers = (argumentResolvers != null) ? List.copyOf(argumentResolvers) : List.of();
	}

	@Override
	protected List<HandlerMethodArgumentResolver> initArgumentResolvers() {
		List<HandlerMethodArgumentResolver> initialized = super.initArgumentResolvers();
		this.resolvers = List.copyOf(initialized);
		return initialized;
	}

	/**
	 * Tells whether a parameter would be bound to the message payload, that is, whether no resolver ahead of
	 * the payload resolver supports it. Known once the factory is initialized.
	 * @param parameter the parameter of a listener method
	 * @return {@code true} when the payload resolver would resolve it
	 */
	public boolean bindsToPayload(MethodParameter parameter) {
		for (HandlerMethodArgumentResolver resolver : this.resolvers) {
			if (resolver.supportsParameter(parameter)) {
				return resolver instanceof PayloadMethodArgumentResolver;
			}
		}
		return false;
	}
}
