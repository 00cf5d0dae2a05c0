package io.github.natsspring.broker.jetstream;

import java.nio.charset.StandardCharsets;

/**
 * A message as JetStream's internal client received it: copies of the subject, reply, header block and payload
 * that stay valid after the routing call that delivered them. The arrays are not copied again and must not be
 * modified, so they can go into a store as they are.
 *
 * @param subject the subject it was published on
 * @param replyTo the reply subject, or {@code null}
 * @param headers the header block ({@code NATS/1.0\r\n…\r\n\r\n}), or {@code null} for none
 * @param payload the payload, possibly empty
 */
public record InternalMessage(String subject, String replyTo, byte[] headers, byte[] payload) {

	/**
	 * The payload as text.
	 * @return the payload decoded as UTF-8
	 */
	public String payloadText() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "InternalMessage[subject=" + this.subject + ", replyTo=" + this.replyTo + ", headers="
				+ ((this.headers != null) ? this.headers.length : 0) + "B, payload=" + this.payload.length + "B]";
	}
}
