package io.github.natsspring.broker.server;

import java.util.concurrent.locks.ReentrantLock;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;

/**
 * Bytes queued for one client, appended by any event loop (publishers deliver from their own thread) and
 * written by the client's own event loop in one write per batch, as nats-server flushes once per read
 * buffer instead of once per message.
 *
 * <p>Appending is a lock / write / unlock sequence: {@link #lock()} returns the buffer to write frames into,
 * {@link #unlock()} reports whether a flush must now be requested.
 */
final class OutboundQueue {

	private static final int INITIAL_CAPACITY = 1024;

	private final Channel channel;

	private final long maxPending;

	private final ReentrantLock lock = new ReentrantLock();

	private final Runnable flushTask = this::flush;

	private ByteBuf buffer;

	private boolean flushOwed;

	private boolean closed;

	OutboundQueue(Channel channel, long maxPending) {
		this.channel = channel;
		this.maxPending = maxPending;
	}

	/**
	 * Locks the queue for appending and returns the buffer to append to, or {@code null} when the client is
	 * closed (the lock is then already released).
	 */
	ByteBuf lock() {
		this.lock.lock();
		if (this.closed) {
			this.lock.unlock();
			return null;
		}
		if (this.buffer == null) {
			this.buffer = this.channel.alloc().directBuffer(INITIAL_CAPACITY);
		}
		return this.buffer;
	}

	/**
	 * Ends an append.
	 * @return {@link AppendResult#FLUSH_NEEDED} when this append made a flush owed (the caller must see that
	 * {@link #requestFlush()} gets called), {@link AppendResult#SLOW_CONSUMER} when the client now holds more
	 * than max pending bytes
	 */
	AppendResult unlock() {
		try {
			if (this.buffer.readableBytes() + nettyPendingBytes() > this.maxPending) {
				return AppendResult.SLOW_CONSUMER;
			}
			if (this.flushOwed) {
				return AppendResult.QUEUED;
			}
			this.flushOwed = true;
			return AppendResult.FLUSH_NEEDED;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Releases the lock taken by {@link #lock()} when nothing was appended after all. */
	void unlockWithoutAppend() {
		this.lock.unlock();
	}

	/** Takes the lock for per-client state guarded with the queue (subscription delivery counts). */
	void lockState() {
		this.lock.lock();
	}

	/** Releases the lock taken by {@link #lockState()}. */
	void unlockState() {
		this.lock.unlock();
	}

	/**
	 * Writes what is queued and runs the action once the socket took it (or at once when nothing is queued).
	 * Must be called on the client's event loop.
	 */
	void flushThen(Runnable action) {
		ByteBuf toWrite = takeBuffer();
		if (toWrite != null && toWrite.isReadable() && this.channel.isActive()) {
			this.channel.writeAndFlush(toWrite).addListener(future -> action.run());
		}
		else {
			if (toWrite != null) {
				toWrite.release();
			}
			action.run();
		}
	}

	/** Writes what is queued from the client's event loop: directly when called on it, else as a task. */
	void requestFlush() {
		if (this.channel.eventLoop().inEventLoop()) {
			flush();
		}
		else {
			this.channel.eventLoop().execute(this.flushTask);
		}
	}

	/** Drops what is queued and refuses further appends. */
	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			if (this.buffer != null) {
				this.buffer.release();
				this.buffer = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private ByteBuf takeBuffer() {
		this.lock.lock();
		try {
			this.flushOwed = false;
			ByteBuf taken = this.buffer;
			this.buffer = null;
			return taken;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void flush() {
		ByteBuf toWrite = takeBuffer();
		if (toWrite == null) {
			return;
		}
		if (toWrite.isReadable() && this.channel.isActive()) {
			this.channel.writeAndFlush(toWrite, this.channel.voidPromise());
		}
		else {
			toWrite.release();
		}
	}

	private long nettyPendingBytes() {
		ChannelOutboundBuffer outbound = this.channel.unsafe().outboundBuffer();
		return outbound != null ? outbound.totalPendingWriteBytes() : 0;
	}

	/** Outcome of one append. */
	enum AppendResult {

		/** Queued; a flush was already owed. */
		QUEUED,

		/** Queued; the caller must make sure {@link OutboundQueue#requestFlush()} is called. */
		FLUSH_NEEDED,

		/** Queued, but the client is over its max pending bytes and must be closed. */
		SLOW_CONSUMER

	}
}
