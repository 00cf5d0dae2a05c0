package io.github.natsspring.broker.protocol;

import java.util.Arrays;

/**
 * The last subject a connection published to, so that publishing to the same subject again returns
 * the same String instead of decoding a new one.
 */
final class RecentSubject {

	private byte[] bytes = new byte[0];

	private String subject = "";

	String of(byte[] line, int start, int length) {
		if (length != this.bytes.length || !Arrays.equals(this.bytes, 0, length, line, start, start + length)) {
			this.bytes = Arrays.copyOfRange(line, start, start + length);
			this.subject = new String(this.bytes, WireText.CHARSET);
		}
		return this.subject;
	}
}
