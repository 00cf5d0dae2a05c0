package io.github.natsspring.broker.cluster;

import java.nio.charset.StandardCharsets;

import io.github.natsspring.broker.protocol.WireText;
import io.github.natsspring.broker.routing.PublishedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Writes the frames one server sends another over a route, byte for byte as nats-server 2.9.10 writes them:
 * {@code RS+}/{@code RS-} interest lines and {@code RMSG}/{@code HMSG} messages (route protocol 2, account
 * first). Message control lines are assembled in a per-thread array, as publishers write them on their own
 * threads.
 */
final class RouteFrames {

	private static final byte[] RMSG = ascii("RMSG ");

	private static final byte[] HMSG = ascii("HMSG ");

	private static final byte[] RS_PLUS = ascii("RS+ ");

	private static final byte[] RS_MINUS = ascii("RS- ");

	private static final byte[] CRLF = ascii("\r\n");

	private static final FastThreadLocal<byte[]> LINE = new FastThreadLocal<>() {
		@Override
		protected byte[] initialValue() {
			return new byte[256];
		}
	};

	private RouteFrames() {
	}

	/**
	 * Writes {@code RS+ <account> <subject>[ <queue> <weight>]\r\n}.
	 * @param out the route's outbound buffer
	 * @param account the account's name
	 * @param subject the subject
	 * @param queue the queue group, or {@code null}
	 * @param weight the number of local members of the queue group
	 */
	static void writeSub(ByteBuf out, String account, String subject, String queue, int weight) {
		out.writeBytes(RS_PLUS);
		writeInterest(out, account, subject, queue);
		if (queue != null) {
			out.writeByte(' ');
			out.writeCharSequence(Integer.toString(weight), StandardCharsets.US_ASCII);
		}
		out.writeBytes(CRLF);
	}

	/**
	 * Writes {@code RS- <account> <subject>[ <queue>]\r\n}.
	 * @param out the route's outbound buffer
	 * @param account the account's name
	 * @param subject the subject
	 * @param queue the queue group, or {@code null}
	 */
	static void writeUnsub(ByteBuf out, String account, String subject, String queue) {
		out.writeBytes(RS_MINUS);
		writeInterest(out, account, subject, queue);
		out.writeBytes(CRLF);
	}

	private static void writeInterest(ByteBuf out, String account, String subject, String queue) {
		out.writeCharSequence(account, WireText.CHARSET);
		out.writeByte(' ');
		out.writeCharSequence(subject, WireText.CHARSET);
		if (queue != null) {
			out.writeByte(' ');
			out.writeCharSequence(queue, WireText.CHARSET);
		}
	}

	/**
	 * Writes a message as {@code RMSG}, or as {@code HMSG} when it has headers and both servers support them:
	 * {@code RMSG <account> <subject> [reply] <size>} without queue groups,
	 * {@code RMSG <account> <subject> + <reply> <queue>... <size>} or {@code | <queue>... <size>} with them, the
	 * header size before the size for HMSG. A message with headers sent as RMSG loses them.
	 * @param out the route's outbound buffer
	 * @param account the account's name as written on the wire
	 * @param message the message
	 * @param queues the queue groups picked on the other server
	 * @param queueCount how many of {@code queues} count
	 * @param headers whether both servers support headers
	 * @return the number of content bytes written
	 */
	static int writeMessage(ByteBuf out, byte[] account, PublishedMessage message, byte[][] queues, int queueCount,
			boolean headers) {
		boolean hmsg = message.hasHeaders() && headers;
		ByteBuf content = message.content();
		int offset = (message.hasHeaders() && !headers) ? message.headerSize() : 0;
		int size = content.readableBytes() - offset;
		byte[] subject = message.subjectBytes();
		byte[] reply = message.replyToBytes();
		int length = 5 + account.length + 1 + subject.length + ((reply != null) ? reply.length + 3 : 0) + 2 + 24;
		for (int q = 0; q < queueCount; q++) {
			length += queues[q].length + 1;
		}
		byte[] line = lineBuffer(length);
		int at = put(line, 0, hmsg ? HMSG : RMSG);
		at = put(line, at, account);
		line[at++] = ' ';
		at = put(line, at, subject);
		line[at++] = ' ';
		if (queueCount > 0) {
			if (reply != null) {
				line[at++] = '+';
				line[at++] = ' ';
				at = put(line, at, reply);
				line[at++] = ' ';
			}
			else {
				line[at++] = '|';
				line[at++] = ' ';
			}
			for (int q = 0; q < queueCount; q++) {
				at = put(line, at, queues[q]);
				line[at++] = ' ';
			}
		}
		else if (reply != null) {
			at = put(line, at, reply);
			line[at++] = ' ';
		}
		if (hmsg) {
			at = putDecimal(line, at, message.headerSize(), message.headerSizeDigits());
			line[at++] = ' ';
		}
		at = putDecimal(line, at, size, (offset == 0) ? message.sizeDigits() : 0);
		line[at++] = '\r';
		line[at++] = '\n';
		out.ensureWritable(at + size + 2);
		out.writeBytes(line, 0, at);
		out.writeBytes(content, content.readerIndex() + offset, size);
		out.writeBytes(CRLF);
		return size;
	}

	private static byte[] lineBuffer(int length) {
		byte[] line = LINE.get();
		if (line.length < length) {
			line = new byte[Math.max(length, line.length * 2)];
			LINE.set(line);
		}
		return line;
	}

	private static int put(byte[] line, int position, byte[] bytes) {
		System.arraycopy(bytes, 0, line, position, bytes.length);
		return position + bytes.length;
	}

	/** Puts a non-negative int with at least {@code minDigits} digits (leading zeros as the publisher wrote). */
	private static int putDecimal(byte[] line, int position, int value, int minDigits) {
		int digits = 1;
		for (int rest = value; rest >= 10; rest /= 10) {
			digits++;
		}
		int length = Math.max(digits, Math.min(minDigits, 10));
		int remaining = value;
		for (int i = position + length - 1; i >= position; i--) {
			line[i] = (byte) ('0' + remaining % 10);
			remaining /= 10;
		}
		return position + length;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}
}
