package io.github.natsspring.broker.jetstream.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads and writes that do the whole buffer, which one channel call need not.
 */
final class ChannelIo {

	private ChannelIo() {
	}

	/** Fills the buffer from its position with the file's bytes at {@code position}, leaving it flipped. */
	static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		int start = buffer.position();
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position() - start) < 0) {
				throw new EOFException("file ends before " + (position + buffer.limit() - start));
			}
		}
		buffer.flip();
	}

	/** Writes the buffer's remaining bytes at {@code position}. */
	static int writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		int start = buffer.position();
		while (buffer.hasRemaining()) {
			channel.write(buffer, position + buffer.position() - start);
		}
		return buffer.position() - start;
	}
}
