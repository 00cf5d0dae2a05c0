package io.github.natsspring.broker.protocol;


import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The last subject a connection published to, so that publishing to the same subject again returns
 * the same String instead of decoding a new one.
 */
final class RecentSubject {

	private ByteBuf bytes = Unpooled.EMPTY_BUFFER;

	private String subject = "";

	String of(ByteBuf buf, int start, int length) {
		if (length != this.bytes.readableBytes() || !ByteBufUtil.equals(buf, start, this.bytes, 0, length)) {
			byte[] copy = new byte[length];
			buf.getBytes(start, copy);
			this.bytes = Unpooled.wrappedBuffer(copy);
			this.subject = new String(copy, WireText.CHARSET);
		}
		return this.subject;
	}
}
