package io.github.natsspring.annotation;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.annotation.MessageMappingReflectiveProcessor;

/**
 * The AOT {@link org.springframework.aot.hint.annotation.ReflectiveProcessor} of
 * {@link NatsListener @NatsListener} methods: the method may be invoked reflectively, and its payload
 * parameter and return types get binding hints so a JSON converter can read and write them in a native
 * image. The jnats {@code Message} and {@code Connection} parameters are injected, never bound.
 */
class NatsListenerReflectiveProcessor extends MessageMappingReflectiveProcessor {

	@Override
	protected boolean couldBePayload(MethodParameter parameter) {
		return super.couldBePayload(parameter)
				&& !parameter.getParameterType().getPackageName().startsWith("io.nats.client");
	}
}
