package io.github.natsspring.listener.adapter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.natsspring.core.NatsHeaders;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Turns a received jnats message into a Spring {@link Message} with the raw payload. Every NATS header
 * becomes a message header: a header sent once maps to its {@code String} value, a header sent several
 * times to the {@code List<String>} of its values in order. The subject, the reply-to subject (when
 * present) and the jnats message itself are added under {@link NatsHeaders#SUBJECT},
 * {@link NatsHeaders#REPLY_TO} and {@link #RAW_MESSAGE}.
 */
public final class NatsInboundMessageMapper {

	/** Spring message header holding the received jnats {@link io.nats.client.Message}. */
	public static final String RAW_MESSAGE = "nats_rawMessage";

	private static final byte[] EMPTY = new byte[0];

	private NatsInboundMessageMapper() {
	}

	/**
	 * Maps a received message.
	 * @param natsMessage the jnats message
	 * @return the Spring message with a {@code byte[]} payload
	 */
	public static Message<byte[]> toMessage(io.nats.client.Message natsMessage) {
		byte[] data = natsMessage.getData();
		Headers headers = natsMessage.getHeaders();
		Map<String, Object> mapped = new HashMap<>((headers != null) ? headers.size() + 4 : 4);
		if (headers != null) {
			headers.forEach((name, values) -> {
				if (!values.isEmpty()) {
					mapped.put(name, (values.size() == 1) ? values.get(0) : List.copyOf(values));
				}
			});
		}
		mapped.put(NatsHeaders.SUBJECT, natsMessage.getSubject());
		if (natsMessage.getReplyTo() != null) {
			mapped.put(NatsHeaders.REPLY_TO, natsMessage.getReplyTo());
		}
		mapped.put(RAW_MESSAGE, natsMessage);
		return new GenericMessage<>((data != null) ? data : EMPTY, new ReceivedMessageHeaders(mapped));
	}

	/**
	 * The jnats message a Spring message was mapped from.
	 * @param message the Spring message
	 * @return the jnats message, or {@code null} when the message did not come from NATS
	 */
	public static io.nats.client.@Nullable Message rawMessage(Message<?> message) {
		return message.getHeaders().get(RAW_MESSAGE, io.nats.client.Message.class);
	}

	/**
	 * Headers of a received message, without the random id and timestamp Spring would otherwise generate
	 * for every message: NATS messages carry no id, and generating one costs more than the rest of the mapping.
	 */
	private static final class ReceivedMessageHeaders extends MessageHeaders {

		private static final long serialVersionUID = 1L;

		ReceivedMessageHeaders(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}
	}
}
