package io.github.natsspring.broker.inprocess;

import java.util.concurrent.locks.LockSupport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The client end's pipeline: queues what the broker sends for the reading thread, ends the stream when the broker
 * closes, and wakes a writing thread waiting for the channel to take more.
 */
final class InJvmClientHandler extends ChannelInboundHandlerAdapter {

	private final InboundBuffers inbound;

	private volatile Thread waitingWriter;

	InJvmClientHandler(InboundBuffers inbound) {
		this.inbound = inbound;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof ByteBuf buffer) {
			if (!this.inbound.offer(buffer)) {
				ctx.close();
			}
		}
		else {
			ReferenceCountUtil.release(msg);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		this.inbound.end();
		wakeWriter();
		ctx.fireChannelInactive();
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		if (ctx.channel().isWritable()) {
			wakeWriter();
		}
		ctx.fireChannelWritabilityChanged();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.close();
	}

	/**
	 * Registers the calling thread to be woken when the channel becomes writable or closes; it parks itself.
	 */
	void awaitingWritability() {
		this.waitingWriter = Thread.currentThread();
	}

	/** Ends a wait begun with {@link #awaitingWritability()}. */
	void writabilityAwaited() {
		this.waitingWriter = null;
	}

	private void wakeWriter() {
		Thread writer = this.waitingWriter;
		if (writer != null) {
			LockSupport.unpark(writer);
		}
	}
}
