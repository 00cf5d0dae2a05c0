package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds bytes to a fresh decoder in given chunks, each chunk a buffer of its own that is released right
 * after the call (so the decoder cannot keep references into it), and records what came out: the
 * operations, then {@code VIOLATION <kind>} if one was raised.
 */
final class DecoderRun {

	static final int MAX_CONTROL_LINE = 4096;

	static final int MAX_PAYLOAD = 1024 * 1024;

	private static final ByteBufAllocator ALLOCATOR = new UnpooledByteBufAllocator(false);

	private DecoderRun() {
	}

	static List<String> whole(String input) {
		return chunks(bytes(input), bytes(input).length);
	}

	static List<String> splitAt(String input, int offset) {
		byte[] data = bytes(input);
		return feed(new ClientProtocolDecoder(MAX_CONTROL_LINE, MAX_PAYLOAD),
				List.of(slice(data, 0, offset), slice(data, offset, data.length)));
	}

	static List<String> byteByByte(String input) {
		return chunks(bytes(input), 1);
	}

	static List<String> chunks(byte[] data, int chunkSize) {
		List<byte[]> chunks = new ArrayList<>();
		for (int start = 0; start < data.length; start += chunkSize) {
			chunks.add(slice(data, start, Math.min(data.length, start + chunkSize)));
		}
		return feed(new ClientProtocolDecoder(MAX_CONTROL_LINE, MAX_PAYLOAD), chunks);
	}

	static List<String> feed(ClientProtocolDecoder decoder, List<byte[]> chunks) {
		RecordingHandler handler = new RecordingHandler();
		List<String> events = handler.events;
		int count = 0;
		try {
			for (byte[] chunk : chunks) {
				// Alternate heap and direct buffers: the decoder must not depend on array access.
				ByteBuf buf = ((count++ % 2) == 0) ? ALLOCATOR.heapBuffer(chunk.length) : ALLOCATOR.directBuffer(chunk.length);
				buf.writeBytes(chunk);
				try {
					decoder.decode(buf, handler);
					assertThat(buf.isReadable()).as("decode consumes every byte").isFalse();
				}
				finally {
					buf.release();
				}
			}
		}
		catch (ProtocolViolation ex) {
			events.add("VIOLATION " + ex.kind());
		}
		finally {
			decoder.release();
		}
		return events;
	}

	static byte[] bytes(String input) {
		return input.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] slice(byte[] data, int from, int to) {
		byte[] part = new byte[to - from];
		System.arraycopy(data, from, part, 0, part.length);
		return part;
	}
}
