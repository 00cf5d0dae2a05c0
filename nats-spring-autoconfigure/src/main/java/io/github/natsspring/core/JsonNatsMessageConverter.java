package io.github.natsspring.core;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link NatsMessageConverter} writing objects as JSON with a Jackson {@link JsonMapper}. {@code byte[]}
 * payloads pass through unchanged and {@code String}s as UTF-8 text, both ways. Sets {@code Content-Type}
 * on outgoing messages unless the caller already did: {@value #JSON} for JSON, {@value #TEXT} for strings.
 */
public class JsonNatsMessageConverter implements NatsMessageConverter {

	/** Content type of JSON payloads. */
	public static final String JSON = "application/json";

	/** Content type of string payloads. */
	public static final String TEXT = "text/plain; charset=utf-8";

	private final JsonMapper jsonMapper;

	/**
	 * Creates a converter.
	 * @param jsonMapper the mapper that reads and writes JSON
	 */
	public JsonNatsMessageConverter(JsonMapper jsonMapper) {
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
	}

	@Override
	public byte[] toPayload(Object value, Headers headers) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof String text) {
			setContentType(headers, TEXT);
			return text.getBytes(StandardCharsets.UTF_8);
		}
		try {
			byte[] json = this.jsonMapper.writeValueAsBytes(value);
			setContentType(headers, JSON);
			return json;
		}
		catch (JacksonException ex) {
			throw new NatsConversionException("Cannot write " + value.getClass().getName() + " as JSON", ex);
		}
	}

	@Override
	public @Nullable Object fromPayload(byte[] payload, @Nullable Headers headers, Type targetType) {
		if (targetType == byte[].class) {
			return payload;
		}
		if (targetType == String.class) {
			return new String(payload, StandardCharsets.UTF_8);
		}
		if (payload.length == 0) {
			return null;
		}
		try {
			return this.jsonMapper.readValue(payload, this.jsonMapper.constructType(targetType));
		}
		catch (JacksonException ex) {
			throw new NatsConversionException("Cannot read payload as " + targetType.getTypeName(), ex);
		}
	}

	private static void setContentType(Headers headers, String contentType) {
		if (!headers.containsKey(NatsHeaders.CONTENT_TYPE)) {
			headers.put(NatsHeaders.CONTENT_TYPE, contentType);
		}
	}
}
