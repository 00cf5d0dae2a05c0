package io.github.natsspring.broker.server;

import io.github.natsspring.broker.protocol.WireText;
import io.netty.buffer.ByteBuf;

/**
 * The message being routed: one per publishing connection, refilled for each PUB/HPUB so routing
 * allocates nothing per message beyond what the subject needs, and valid only while it is routed.
 * The encoded subject is kept while a client keeps publishing to the same subject (the decoder then
 * hands over the same String).
 */
final class PublishedMessage {

	String subject;

	byte[] subjectBytes;

	String replyTo;

	byte[] replyToBytes;

	/** Size of the header block at the start of {@link #content}, or -1 for a message without headers. */
	int headerSize;

	/** Digits the client wrote for the header size: nats-server echoes sizes as written ({@code 01}). */
	int headerSizeDigits;

	/** Digits the client wrote for the total size. */
	int sizeDigits;

	/** Headers then payload; a slice of the read buffer. */
	ByteBuf content;

	void fill(String subject, String replyTo, int headerSize, int headerSizeDigits, int sizeDigits, ByteBuf content) {
		if (subject != this.subject) {
			this.subject = subject;
			this.subjectBytes = WireText.bytes(subject);
		}
		if (replyTo == null) {
			this.replyTo = null;
			this.replyToBytes = null;
		}
		else if (replyTo != this.replyTo) {
			this.replyTo = replyTo;
			this.replyToBytes = WireText.bytes(replyTo);
		}
		this.headerSize = headerSize;
		this.headerSizeDigits = headerSizeDigits;
		this.sizeDigits = sizeDigits;
		this.content = content;
	}

	boolean hasHeaders() {
		return this.headerSize >= 0;
	}

	/** Drops the reference to the read buffer once routed. */
	void clearContent() {
		this.content = null;
	}
}
