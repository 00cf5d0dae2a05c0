package io.github.natsspring.core;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import io.nats.client.impl.Headers;

/**
 * A {@link NatsMessageConverter} for applications without an object mapper: {@code byte[]} as is and
 * {@code String} as UTF-8; any other type is rejected. {@link NatsTemplate} and the listeners use it when
 * Jackson is not on the classpath.
 */
public class PlainNatsMessageConverter implements NatsMessageConverter {

	@Override
	public byte[] toPayload(Object value, Headers headers) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new NatsConversionException("Cannot write a " + value.getClass().getName()
				+ " without a JSON-capable NatsMessageConverter; only String and byte[] are supported", null);
	}

	@Override
	public Object fromPayload(byte[] payload, Headers headers, Type targetType) {
		if (targetType == byte[].class) {
			return payload;
		}
		if (targetType == String.class) {
			return new String(payload, StandardCharsets.UTF_8);
		}
		throw new NatsConversionException("Cannot read a payload as " + targetType.getTypeName()
				+ " without a JSON-capable NatsMessageConverter; only String and byte[] are supported", null);
	}
}
