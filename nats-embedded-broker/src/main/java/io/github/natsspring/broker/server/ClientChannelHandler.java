package io.github.natsspring.broker.server;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.protocol.ClientProtocolDecoder;
import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The Netty end of one client: hands each read to the protocol decoder, which calls the
 * {@link ClientConnection} for every operation (keeping partial frames itself), and ends each read batch
 * with one flush per client that got bytes.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter {

	private static final System.Logger LOG = System.getLogger(ClientChannelHandler.class.getName());

	private final BrokerServer server;

	private final ClientProtocolDecoder decoder;

	private ClientConnection connection;

	private ScheduledFuture<?> writeDeadlineTimer;

	ClientChannelHandler(BrokerServer server) {
		this.server = server;
		this.decoder = new ClientProtocolDecoder(server.limits().maxControlLine(), server.limits().maxPayload());
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.connection = this.server.register(ctx.channel());
		ctx.fireChannelActive();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf in = (ByteBuf) msg;
		try {
			ClientConnection client = this.connection;
			if (client == null || client.isClosing()) {
				return;
			}
			client.beginReadBatch();
			try {
				this.decoder.decode(in, client);
			}
			catch (ProtocolViolation violation) {
				client.onViolation(violation);
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
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		if (!ctx.channel().isWritable()) {
			if (this.writeDeadlineTimer == null || this.writeDeadlineTimer.isDone()) {
				this.writeDeadlineTimer = ctx.executor().schedule(this::writeDeadlineExpired,
						this.server.limits().writeDeadline().toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		else if (this.writeDeadlineTimer != null) {
			this.writeDeadlineTimer.cancel(false);
			this.writeDeadlineTimer = null;
		}
		ctx.fireChannelWritabilityChanged();
	}

	private void writeDeadlineExpired() {
		if (this.connection != null) {
			this.connection.writeDeadlineExceeded();
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.writeDeadlineTimer != null) {
			this.writeDeadlineTimer.cancel(false);
		}
		this.decoder.release();
		if (this.connection != null) {
			this.connection.channelClosed();
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		// A client resetting its socket is routine; anything else is a bug worth seeing, but it only costs this client.
		if (cause instanceof IOException) {
			if (this.connection != null && this.server.logging().debug()) {
				LOG.log(System.Logger.Level.DEBUG, this.connection.prefix() + "Connection error: " + cause.getMessage());
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
}
