package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;

/**
 * The header block of a {@code headers_only} delivery: the stored headers (or a bare {@code NATS/1.0}) with
 * {@code Nats-Msg-Size: <payload length>} added, as nats-server's {@code convertToHeadersOnly}.
 */
final class HeadersOnly {

	private static final byte[] STATUS_LINE = "NATS/1.0\r\n".getBytes(StandardCharsets.US_ASCII);

	private HeadersOnly() {
	}

	static byte[] headers(byte[] stored, int payloadLength) {
		byte[] size = ("Nats-Msg-Size: " + payloadLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		// the stored block ends with an empty line: keep its last header's CRLF, drop the final one
		byte[] head = (stored == null || stored.length < 2) ? STATUS_LINE : stored;
		int keep = (head == STATUS_LINE) ? head.length : head.length - 2;
		byte[] headers = new byte[keep + size.length];
		System.arraycopy(head, 0, headers, 0, keep);
		System.arraycopy(size, 0, headers, keep, size.length);
		return headers;
	}
}
