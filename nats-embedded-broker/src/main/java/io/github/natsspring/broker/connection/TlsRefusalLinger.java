package io.github.natsspring.broker.connection;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Lets a client whose TLS handshake was refused read the alert that says why. Closing the socket at once while
 * the client's last handshake messages (or its first protocol bytes) are still arriving makes the kernel answer
 * them with a reset, and a client that gets the reset before it reads the alert reports a bare connection reset.
 * Once {@link #refused()} is called, a close half-closes the socket instead (the alert and then the end of the
 * stream go out), discards what the client still sends, and closes when the client does or after a second.
 * Sits in front of the TLS handler, on the socket side.
 */
final class TlsRefusalLinger extends ChannelDuplexHandler {

	static final String NAME = "tls-refusal-linger";

	private static final long LINGER_MILLIS = 1000;

	private boolean refused;

	private boolean lingering;

	/** Marks the handshake as refused: the next close lingers. */
	void refused() {
		this.refused = true;
	}

	@Override
	public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
		if (!this.refused || !(ctx.channel() instanceof DuplexChannel duplex) || !ctx.channel().isActive()) {
			ctx.close(promise);
			return;
		}
		ctx.channel().closeFuture().addListener((closed) -> promise.trySuccess());
		if (this.lingering) {
			return;
		}
		this.lingering = true;
		ctx.flush();
		duplex.shutdownOutput().addListener((ChannelFutureListener) (shut) -> ctx.executor()
			.schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS));
		ctx.channel().config().setAutoRead(true);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.lingering) {
			ReferenceCountUtil.release(msg);
			return;
		}
		ctx.fireChannelRead(msg);
	}
}
