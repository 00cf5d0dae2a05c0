package io.github.natsspring.broker.cluster;

import java.io.IOException;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * The Netty end of one route: hands each read to its {@link RouteConnection}, ends each read batch and turns
 * socket events into connection events.
 */
final class RouteChannelHandler extends ChannelInboundHandlerAdapter {

	private static final System.Logger LOG = System.getLogger(RouteChannelHandler.class.getName());

	private final Function<Channel, RouteConnection> opener;

	private RouteConnection route;

	RouteChannelHandler(Function<Channel, RouteConnection> opener) {
		this.opener = opener;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.route = this.opener.apply(ctx.channel());
		ctx.fireChannelActive();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf in = (ByteBuf) msg;
		try {
			if (this.route != null) {
				this.route.read(in);
			}
		}
		finally {
			in.release();
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		if (this.route != null) {
			this.route.endReadBatch();
		}
		ctx.fireChannelReadComplete();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.route != null) {
			this.route.channelClosed();
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess() && this.route != null) {
			this.route.log().error("TLS route handshake error: " + handshake.cause().getMessage());
			this.route.close("TLS Handshake Error");
		}
		ctx.fireUserEventTriggered(event);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof IOException || cause.getCause() instanceof SSLException) {
			if (this.route != null) {
				this.route.log().debug("Route connection error: " + cause.getMessage());
			}
		}
		else {
			LOG.log(System.Logger.Level.WARNING, "Unexpected error on a route, closing it", cause);
		}
		if (this.route != null) {
			this.route.close("Read Error");
		}
		else {
			ctx.close();
		}
	}
}
