package io.github.natsspring.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads protocol lines off a raw socket for the hand-written test clients.
 */
final class ProtocolLines {

	private ProtocolLines() {
	}

	/**
	 * Reads one line and returns it without its CRLF.
	 * @param in the socket's input
	 * @return the line
	 * @throws IOException when the server closes the connection first
	 */
	static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		int previous = -1;
		while (true) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("closed by the server");
			}
			if (previous == '\r' && next == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
			}
			line.write(next);
			previous = next;
		}
	}
}
