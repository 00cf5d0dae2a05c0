package io.github.natsspring.broker.protocol;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How protocol arguments (subjects, reply subjects, queue names, sids) are held as Strings. They are opaque
 * bytes on the wire: nats-server accepts any byte but the separators, invalid UTF-8 included, and delivers
 * them unchanged. Decoding and encoding them as ISO-8859-1, one char per byte, keeps every byte sequence
 * exact while the subject rules only look at ASCII ({@code .}, {@code *}, {@code >}).
 */
public final class WireText {

	/** The charset of protocol arguments: one char per byte. */
	public static final Charset CHARSET = StandardCharsets.ISO_8859_1;

	private WireText() {
	}

	/**
	 * The wire bytes of an argument decoded by this package.
	 * @param text a subject, reply subject, queue name or sid
	 * @return its bytes as received
	 */
	public static byte[] bytes(String text) {
		return text.getBytes(CHARSET);
	}
}
