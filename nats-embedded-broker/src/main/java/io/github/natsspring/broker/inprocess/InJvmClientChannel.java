package io.github.natsspring.broker.inprocess;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.local.LocalChannel;

/**
 * The client end of one in-JVM connection to a broker in the same JVM, for a client library's transport (jnats':
 * {@link io.nats.client.impl.InJvmDataPort}). Connecting looks the listener up by name in {@link InJvmListeners};
 * when no broker holds the name, it fails as a refused TCP connection would.
 *
 * <p>Written bytes are copied once into a pooled buffer and handed to the broker at once; what the
 * broker sends arrives as its own buffers and is copied once, on {@link #read(byte[], int, int)}. A writer that
 * gets ahead of the broker by more than {@value #HIGH_WATER_MARK} bytes waits, as it would on a full socket; a
 * reader that falls more than {@value #MAX_UNREAD_BYTES} bytes behind has its connection cut, as a slow consumer's.
 * Reads come from one thread at a time, and so do writes; {@link #close()} may come from any.
 */
public final class InJvmClientChannel {

	private static final int LOW_WATER_MARK = 256 * 1024;

	private static final int HIGH_WATER_MARK = 1024 * 1024;

	/**
	 * The most the broker's sends may wait unread, nats-server's default max pending: a broker's pending count
	 * ends where the client's queue begins, so this is what bounds a client that stops reading.
	 */
	static final long MAX_UNREAD_BYTES = 64L * 1024 * 1024;

	/** How long a close waits for the broker's event loop to close the channel. */
	private static final long CLOSE_TIMEOUT_MILLIS = 2000;

	private final Channel channel;

	private final InboundBuffers inbound;

	private final InJvmClientHandler handler;

	private InJvmClientChannel(Channel channel, InboundBuffers inbound, InJvmClientHandler handler) {
		this.channel = channel;
		this.inbound = inbound;
		this.handler = handler;
	}

	/**
	 * Connects to the named in-JVM listener.
	 * @param name the listener's name
	 * @param timeoutNanos how long to wait for the broker to accept
	 * @return the connected channel
	 * @throws ConnectException when no broker in this JVM listens under that name, or it refuses
	 * @throws SocketTimeoutException when the broker does not accept in time
	 */
	public static InJvmClientChannel connect(String name, long timeoutNanos) throws IOException {
		EventLoopGroup eventLoops = InJvmListeners.eventLoops(name);
		if (eventLoops == null) {
			throw new ConnectException("No broker in this JVM listens in-JVM as '" + name + "'");
		}
		InboundBuffers inbound = new InboundBuffers(MAX_UNREAD_BYTES);
		InJvmClientHandler handler = new InJvmClientHandler(inbound);
		ChannelFuture connecting = new Bootstrap().group(eventLoops)
			.channel(LocalChannel.class)
			.option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
			.option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER_MARK, HIGH_WATER_MARK))
			.handler(handler)
			.connect(InJvmListeners.address(name));
		if (!connecting.awaitUninterruptibly(timeoutNanos, TimeUnit.NANOSECONDS)) {
			connecting.cancel(false);
			connecting.channel().close();
			throw new SocketTimeoutException("Timed out connecting to the in-JVM broker '" + name + "'");
		}
		if (!connecting.isSuccess()) {
			connecting.channel().close();
			ConnectException refused = new ConnectException(
					"Cannot connect to the in-JVM broker '" + name + "': " + connecting.cause().getMessage());
			refused.initCause(connecting.cause());
			throw refused;
		}
		return new InJvmClientChannel(connecting.channel(), inbound, handler);
	}

	/**
	 * Copies what the broker sent into {@code destination}, waiting for something if nothing is there.
	 * @param destination where to copy
	 * @param offset the first index to fill
	 * @param length the most bytes to copy
	 * @return the number of bytes copied, or -1 once the connection is closed and everything sent was read
	 * @throws IOException when the reading thread is interrupted
	 */
	public int read(byte[] destination, int offset, int length) throws IOException {
		return this.inbound.read(destination, offset, length);
	}

	/**
	 * Hands bytes to the broker at once, as a socket write would (jnats flushes only now and then), then waits
	 * while the broker is more than the high-water mark behind.
	 * @param source the bytes, copied before this returns
	 * @param length how many of them, from the start
	 * @throws IOException when the connection is closed, or the thread is interrupted while waiting
	 */
	public void write(byte[] source, int length) throws IOException {
		if (!this.channel.isActive()) {
			throw new IOException("In-JVM connection closed");
		}
		ByteBuf copy = this.channel.alloc().heapBuffer(length, length);
		copy.writeBytes(source, 0, length);
		// on a closed channel Netty releases the copy
		this.channel.writeAndFlush(copy, this.channel.voidPromise());
		awaitWritable();
	}

	/**
	 * Checks that the connection is open: {@link #write(byte[], int)} hands bytes over at once.
	 * @throws IOException when the connection is closed
	 */
	public void flush() throws IOException {
		if (!this.channel.isActive()) {
			throw new IOException("In-JVM connection closed");
		}
	}

	private void awaitWritable() throws IOException {
		if (this.channel.isWritable()) {
			return;
		}
		// registered before the check, so a change of writability after the check wakes this thread
		this.handler.awaitingWritability();
		try {
			while (!this.channel.isWritable() && this.channel.isActive()) {
				LockSupport.park(this);
				if (Thread.currentThread().isInterrupted()) {
					throw new IOException("Interrupted while waiting for the in-JVM broker to take more");
				}
			}
		}
		finally {
			this.handler.writabilityAwaited();
		}
	}

	/** Drops what the broker sent and was not read; reads return the end of the stream from now on. */
	public void shutdownInput() {
		this.inbound.discard();
	}

	/** Closes both ends and releases every buffer still held; idempotent. */
	public void close() {
		this.channel.close().awaitUninterruptibly(CLOSE_TIMEOUT_MILLIS);
		this.inbound.discard();
	}
}
