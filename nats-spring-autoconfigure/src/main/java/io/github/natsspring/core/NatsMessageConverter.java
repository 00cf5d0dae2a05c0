package io.github.natsspring.core;

import java.lang.reflect.Type;

import io.nats.client.impl.Headers;

/**
 * Turns objects into NATS payloads and back. Shared by {@code NatsTemplate} sending and by
 * {@code @NatsListener} argument and reply conversion, so both sides agree on the wire format.
 */
public interface NatsMessageConverter {

	/**
	 * Serializes a value into a payload.
	 * @param value the object to send; never {@code null}
	 * @param headers headers of the outgoing message, to which the converter may add e.g. {@code Content-Type}
	 * @return the payload bytes
	 * @throws NatsConversionException if the value cannot be written
	 */
	byte[] toPayload(Object value, Headers headers);

	/**
	 * Reads a payload as the given type.
	 * @param payload the received bytes; possibly empty
	 * @param headers the received headers, or {@code null} when the message had none
	 * @param targetType the wanted type, possibly generic
	 * @return the value
	 * @throws NatsConversionException if the payload cannot be read as that type
	 */
	Object fromPayload(byte[] payload, Headers headers, Type targetType);
}
