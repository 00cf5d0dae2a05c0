package io.github.natsspring.listener;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import io.github.natsspring.core.NatsConversionException;
import io.github.natsspring.core.NatsHeaders;
import io.github.natsspring.core.NatsMessageConverter;
import io.nats.client.impl.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON {@link NatsMessageConverter} for listener tests, independent of the starter's own one.
 */
class JsonTestMessageConverter implements NatsMessageConverter {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Override
	public byte[] toPayload(Object value, Headers headers) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		headers.put(NatsHeaders.CONTENT_TYPE, "application/json");
		return this.mapper.writeValueAsBytes(value);
	}

	@Override
	public Object fromPayload(byte[] payload, Headers headers, Type targetType) {
		if (targetType == byte[].class) {
			return payload;
		}
		if (targetType == String.class) {
			return new String(payload, StandardCharsets.UTF_8);
		}
		try {
			return this.mapper.readValue(payload, this.mapper.constructType(targetType));
		}
		catch (JacksonException ex) {
			throw new NatsConversionException("Invalid JSON for " + targetType.getTypeName(), ex);
		}
	}
}
