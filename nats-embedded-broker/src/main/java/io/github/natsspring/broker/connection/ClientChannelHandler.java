package io.github.natsspring.broker.connection;

import java.io.IOException;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * The Netty end of one client: hands each read to its {@link ClientConnection}, ends each read batch, and
 * turns socket events into connection events.
 */
public final class ClientChannelHandler extends ChannelInboundHandlerAdapter {

	private static final System.Logger LOG = System.getLogger(ClientChannelHandler.class.getName());

	private final Function<Channel, ClientConnection> opener;

	private ClientConnection connection;

	/**
	 * Creates the handler of one channel.
	 * @param opener creates, registers and starts the connection once the channel is active
	 */
	public ClientChannelHandler(Function<Channel, ClientConnection> opener) {
		this.opener = opener;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.connection = this.opener.apply(ctx.channel());
		ctx.fireChannelActive();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf in = (ByteBuf) msg;
		try {
			if (this.connection != null) {
				this.connection.read(in);
			}
		}
		finally {
			in.release();
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		if (this.connection != null) {
			this.connection.endReadBatch();
		}
		ctx.fireChannelReadComplete();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.connection != null) {
			this.connection.channelClosed();
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (event instanceof SslHandshakeCompletionEvent handshake && this.connection != null) {
			if (handshake.isSuccess()) {
				this.connection.tlsHandshakeSucceeded();
			}
			else {
				this.connection.tlsHandshakeFailed(handshake.cause());
			}
		}
		ctx.fireUserEventTriggered(event);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		// A client resetting its socket is routine, and so is a failed TLS handshake (reported by its event);
		// anything else is a bug worth seeing, but it only costs this client.
		if (cause instanceof IOException || isTlsFailure(cause)) {
			if (this.connection != null) {
				this.connection.log().debug("Connection error: " + cause.getMessage());
			}
		}
		else {
			LOG.log(System.Logger.Level.WARNING, "Unexpected error on a client connection, closing it", cause);
		}
		if (this.connection != null) {
			this.connection.close("Connection error");
		}
		else {
			ctx.close();
		}
	}

	private static boolean isTlsFailure(Throwable cause) {
		for (Throwable current = cause; current != null; current = current.getCause()) {
			if (current instanceof SSLException) {
				return true;
			}
		}
		return false;
	}
}
