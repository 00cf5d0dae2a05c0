package io.github.natsspring.listener.adapter;

import java.util.List;

import io.github.natsspring.core.NatsHeaders;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

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

	private NatsInboundMessageMapper() {
	}

	/**
	 * Maps a received message.
	 * @param natsMessage the jnats message
	 * @return the Spring message with a {@code byte[]} payload
	 */
	public static Message<byte[]> toMessage(io.nats.client.Message natsMessage) {
		byte[] data = natsMessage.getData();
		MessageBuilder<byte[]> builder = MessageBuilder.withPayload((data != null) ? data : new byte[0]);
		Headers headers = natsMessage.getHeaders();
		if (headers != null) {
			headers.forEach((name, values) -> {
				if (!values.isEmpty()) {
					builder.setHeader(name, (values.size() == 1) ? values.get(0) : List.copyOf(values));
				}
			});
		}
		builder.setHeader(NatsHeaders.SUBJECT, natsMessage.getSubject());
		if (natsMessage.getReplyTo() != null) {
			builder.setHeader(NatsHeaders.REPLY_TO, natsMessage.getReplyTo());
		}
		builder.setHeader(RAW_MESSAGE, natsMessage);
		return builder.build();
	}

	/**
	 * The jnats message a Spring message was mapped from.
	 * @param message the Spring message
	 * @return the jnats message, or {@code null} when the message did not come from NATS
	 */
	public static io.nats.client.@Nullable Message rawMessage(Message<?> message) {
		return message.getHeaders().get(RAW_MESSAGE, io.nats.client.Message.class);
	}
}
