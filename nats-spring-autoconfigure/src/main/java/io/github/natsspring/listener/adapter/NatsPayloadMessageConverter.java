package io.github.natsspring.listener.adapter;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import io.github.natsspring.core.NatsConversionException;
import io.github.natsspring.core.NatsMessageConverter;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Adapts a {@link NatsMessageConverter} to spring-messaging, so {@code @Payload} and {@code Message<T>}
 * arguments are read with the same converter {@code NatsTemplate} writes with. Generic parameter types
 * such as {@code List<Order>} are passed on whole.
 */
public class NatsPayloadMessageConverter implements SmartMessageConverter {

	private final NatsMessageConverter converter;

	/**
	 * Creates an adapter.
	 * @param converter the converter doing the work
	 */
	public NatsPayloadMessageConverter(NatsMessageConverter converter) {
		this.converter = converter;
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
		return fromMessage(message, targetClass, null);
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass, @Nullable Object conversionHint) {
		Type targetType = targetType(targetClass, conversionHint);
		io.nats.client.Message raw = NatsInboundMessageMapper.rawMessage(message);
		Headers headers = (raw != null) ? raw.getHeaders() : null;
		try {
			return this.converter.fromPayload(payload(message), headers, targetType);
		}
		catch (NatsConversionException ex) {
			throw new MessageConversionException(message, "Cannot read the payload as " + targetType.getTypeName()
					+ ": " + ex.getMessage(), ex);
		}
	}

	private static Type targetType(Class<?> targetClass, @Nullable Object conversionHint) {
		if (conversionHint instanceof MethodParameter parameter) {
			MethodParameter nested = parameter.nestedIfOptional();
			if (Message.class.isAssignableFrom(nested.getParameterType())) {
				nested = nested.nested();
			}
			return nested.getNestedGenericParameterType();
		}
		return targetClass;
	}

	private static byte[] payload(Message<?> message) {
		Object payload = message.getPayload();
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new MessageConversionException(message,
				"Expected a byte[] or String payload, got " + payload.getClass().getName());
	}

	@Override
	public Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
		return toMessage(payload, headers, null);
	}

	@Override
	public Message<?> toMessage(Object payload, @Nullable MessageHeaders headers, @Nullable Object conversionHint) {
		Headers natsHeaders = new Headers();
		byte[] bytes = this.converter.toPayload(payload, natsHeaders);
		MessageBuilder<byte[]> builder = MessageBuilder.withPayload(bytes);
		if (headers != null) {
			builder.copyHeaders(headers);
		}
		natsHeaders.forEach((name, values) -> builder.setHeader(name, (values.size() == 1) ? values.get(0) : values));
		return builder.build();
	}
}
