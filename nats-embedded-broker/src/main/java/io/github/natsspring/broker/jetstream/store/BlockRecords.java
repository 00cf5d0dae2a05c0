package io.github.natsspring.broker.jetstream.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The records of a block file, big-endian. Every record starts with its total length (4 bytes, this field and
 * the checksum included), a type (1 byte) and a sequence (8 bytes), and ends with a CRC32C of everything before
 * it:
 * <ul>
 * <li>message (1): timestamp (8, ns since the epoch), subject length (2), subject (UTF-8), header length (4),
 * headers, payload (the rest);</li>
 * <li>delete (2): the sequence of one removed message;</li>
 * <li>first (3): every message below the sequence is removed and the last sequence is at least one below it;
 * then the stream's last timestamp (8);</li>
 * <li>erased (4): a message record overwritten in place, same length, zeros after the sequence.</li>
 * </ul>
 */
final class BlockRecords {

	static final byte MESSAGE = 1;

	static final byte DELETE = 2;

	static final byte FIRST = 3;

	static final byte ERASED = 4;

	/** Length, type and sequence. */
	static final int HEAD = 4 + 1 + 8;

	static final int CHECKSUM = 4;

	static final int DELETE_LENGTH = HEAD + CHECKSUM;

	static final int FIRST_LENGTH = HEAD + 8 + CHECKSUM;

	static final int MIN_LENGTH = DELETE_LENGTH;

	private static final int SUBJECT_LENGTH_AT = HEAD + 8;

	private static final int SUBJECT_AT = SUBJECT_LENGTH_AT + 2;

	private BlockRecords() {
	}

	static int messageLength(int subjectLength, int headerLength, int payloadLength) {
		return SUBJECT_AT + subjectLength + 4 + headerLength + payloadLength + CHECKSUM;
	}

	static void putMessage(ByteBuffer buffer, long sequence, long timestamp, byte[] subject, byte[] headers,
			byte[] payload) {
		int start = buffer.position();
		int headerLength = (headers == null) ? 0 : headers.length;
		buffer.putInt(messageLength(subject.length, headerLength, payload.length)).put(MESSAGE).putLong(sequence);
		buffer.putLong(timestamp).putShort((short) subject.length).put(subject).putInt(headerLength);
		if (headers != null) {
			buffer.put(headers);
		}
		buffer.put(payload);
		putChecksum(buffer, start);
	}

	static void putDelete(ByteBuffer buffer, long sequence) {
		int start = buffer.position();
		buffer.putInt(DELETE_LENGTH).put(DELETE).putLong(sequence);
		putChecksum(buffer, start);
	}

	static void putFirst(ByteBuffer buffer, long next, long lastTimestamp) {
		int start = buffer.position();
		buffer.putInt(FIRST_LENGTH).put(FIRST).putLong(next).putLong(lastTimestamp);
		putChecksum(buffer, start);
	}

	static void putErased(ByteBuffer buffer, long sequence, int length) {
		int start = buffer.position();
		buffer.putInt(length).put(ERASED).putLong(sequence);
		buffer.put(new byte[length - HEAD - CHECKSUM]);
		putChecksum(buffer, start);
	}

	/** Whether the record at {@code offset} of a heap buffer, {@code length} bytes long, has a good checksum. */
	static boolean checksumMatches(ByteBuffer data, int offset, int length) {
		return checksum(data, offset, length - CHECKSUM) == data.getInt(offset + length - CHECKSUM);
	}

	static byte type(ByteBuffer data, int offset) {
		return data.get(offset + 4);
	}

	static long sequence(ByteBuffer data, int offset) {
		return data.getLong(offset + 5);
	}

	/** The timestamp of a message, or the last timestamp of a first record. */
	static long timestamp(ByteBuffer data, int offset) {
		return data.getLong(offset + HEAD);
	}

	static int subjectLength(ByteBuffer data, int offset) {
		return data.getShort(offset + SUBJECT_LENGTH_AT) & 0xFFFF;
	}

	static String subject(ByteBuffer data, int offset) {
		return new String(data.array(), offset + SUBJECT_AT, subjectLength(data, offset), StandardCharsets.UTF_8);
	}

	static int headerLength(ByteBuffer data, int offset) {
		return data.getInt(offset + SUBJECT_AT + subjectLength(data, offset));
	}

	static int payloadLength(ByteBuffer data, int offset, int length) {
		return length - messageLength(subjectLength(data, offset), headerLength(data, offset), 0);
	}

	/** Decodes a whole message record read into a heap buffer from position 0. */
	static StoredMessage message(ByteBuffer data, int length) {
		int subjectLength = subjectLength(data, 0);
		int headerLength = headerLength(data, 0);
		int headersAt = SUBJECT_AT + subjectLength + 4;
		byte[] headers = null;
		if (headerLength > 0) {
			headers = new byte[headerLength];
			data.get(headersAt, headers);
		}
		byte[] payload = new byte[length - messageLength(subjectLength, headerLength, 0)];
		data.get(headersAt + headerLength, payload);
		return new StoredMessage(sequence(data, 0), timestamp(data, 0), subject(data, 0), headers, payload);
	}

	private static void putChecksum(ByteBuffer buffer, int start) {
		buffer.putInt(checksum(buffer, start, buffer.position() - start));
	}

	private static int checksum(ByteBuffer data, int offset, int length) {
		CRC32C crc = new CRC32C();
		crc.update(data.array(), data.arrayOffset() + offset, length);
		return (int) crc.getValue();
	}
}
