package io.github.natsspring.broker.jetstream;

import java.nio.charset.StandardCharsets;

/**
 * Reads and writes NATS header blocks ({@code NATS/1.0\r\nName: value\r\n…\r\n\r\n}) as JetStream uses them: a
 * header is found by its exact name, as nats-server's {@code getHeader} finds it, and its value is trimmed.
 */
public final class HeaderBlock {

	private static final byte[] VERSION = "NATS/1.0".getBytes(StandardCharsets.US_ASCII);

	private HeaderBlock() {
	}

	/**
	 * The value of the first header of a name.
	 * @param headers a header block, or {@code null}
	 * @param name the header's name, matched exactly
	 * @return the trimmed value, or {@code null} when the header is absent
	 */
	public static String value(byte[] headers, String name) {
		if (headers == null) {
			return null;
		}
		int nameLength = name.length();
		int line = indexOfLineEnd(headers, 0);
		while (line >= 0) {
			int start = line + 2;
			int end = indexOfLineEnd(headers, start);
			if (end < 0) {
				end = headers.length;
			}
			if (end - start > nameLength && headers[start + nameLength] == ':' && startsWith(headers, start, name)) {
				return new String(headers, start + nameLength + 1, end - start - nameLength - 1,
						StandardCharsets.UTF_8).strip();
			}
			line = (end < headers.length) ? end : -1;
		}
		return null;
	}

	private static boolean startsWith(byte[] headers, int at, String name) {
		for (int i = 0; i < name.length(); i++) {
			if (headers[at + i] != name.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int indexOfLineEnd(byte[] headers, int from) {
		for (int i = from; i + 1 < headers.length; i++) {
			if (headers[i] == '\r' && headers[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A header block of status line and headers, e.g. {@code NATS/1.0 404 Message Not Found\r\n\r\n}.
	 * @param status the status after {@code NATS/1.0}, e.g. {@code 404 Message Not Found}, or {@code null} for
	 * none
	 * @param namesAndValues header names and values, alternating
	 * @return the block
	 */
	public static byte[] of(String status, String... namesAndValues) {
		StringBuilder block = new StringBuilder(64).append("NATS/1.0");
		if (status != null) {
			block.append(' ').append(status);
		}
		block.append("\r\n");
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			block.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]).append("\r\n");
		}
		return block.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Appends headers to a block, after the ones it has: the stored headers first, then the added ones, as
	 * nats-server builds a direct get's reply.
	 * @param headers a header block, or {@code null} to start a new one
	 * @param namesAndValues header names and values, alternating
	 * @return the new block
	 */
	public static byte[] append(byte[] headers, String... namesAndValues) {
		if (headers == null || headers.length < VERSION.length + 4) {
			return of(null, namesAndValues);
		}
		StringBuilder added = new StringBuilder(64);
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			added.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]).append("\r\n");
		}
		byte[] extra = added.toString().getBytes(StandardCharsets.UTF_8);
		// the block ends with the empty line: the added headers go before its final \r\n
		int keep = headers.length - 2;
		byte[] block = new byte[keep + extra.length + 2];
		System.arraycopy(headers, 0, block, 0, keep);
		System.arraycopy(extra, 0, block, keep, extra.length);
		block[block.length - 2] = '\r';
		block[block.length - 1] = '\n';
		return block;
	}
}
