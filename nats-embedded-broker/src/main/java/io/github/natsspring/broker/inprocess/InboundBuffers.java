package io.github.natsspring.broker.inprocess;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.netty.buffer.ByteBuf;

/**
 * What the broker sent an in-JVM client and its reading thread has not taken yet: the broker's own buffers,
 * handed over without a copy, queued by the event loop and copied out once, into jnats' read buffer.
 * Thread-safe: one event loop offers, one reading thread reads, and whoever closes discards.
 */
final class InboundBuffers {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition readable = this.lock.newCondition();

	private final ArrayDeque<ByteBuf> buffers = new ArrayDeque<>();

	private final long maxQueuedBytes;

	private long queuedBytes;

	/** No more buffers will come: reads return what is queued, then the end of the stream. */
	private boolean ended;

	/** Reads return the end of the stream at once, and buffers still arriving are released on arrival. */
	private boolean discarded;

	/**
	 * Creates the queue of one connection.
	 * @param maxQueuedBytes the most bytes the reader may leave unread before the connection is cut
	 */
	InboundBuffers(long maxQueuedBytes) {
		this.maxQueuedBytes = maxQueuedBytes;
	}

	/**
	 * Queues a buffer the broker sent, taking over its reference.
	 * @param buffer the buffer
	 * @return {@code false} when the reader has fallen more than the most queued bytes behind: the buffer is
	 * released, and the connection should be cut as a slow consumer's would be
	 */
	boolean offer(ByteBuf buffer) {
		this.lock.lock();
		try {
			if (this.discarded || this.ended) {
				buffer.release();
				return true;
			}
			if (this.queuedBytes + buffer.readableBytes() > this.maxQueuedBytes) {
				buffer.release();
				return false;
			}
			this.queuedBytes += buffer.readableBytes();
			this.buffers.addLast(buffer);
			this.readable.signal();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Marks the end of the stream: the broker closed its end. */
	void end() {
		this.lock.lock();
		try {
			this.ended = true;
			this.readable.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Releases every queued buffer; reads from now on return the end of the stream. */
	void discard() {
		this.lock.lock();
		try {
			this.discarded = true;
			ByteBuf buffer;
			while ((buffer = this.buffers.pollFirst()) != null) {
				buffer.release();
			}
			this.queuedBytes = 0;
			this.readable.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Copies queued bytes into {@code destination}, as many as are there and fit, waiting for some if none are.
	 * @param destination where to copy
	 * @param offset the first index to fill
	 * @param length the most bytes to copy
	 * @return the number of bytes copied, or -1 at the end of the stream
	 * @throws InterruptedIOException when the reading thread is interrupted while waiting
	 */
	int read(byte[] destination, int offset, int length) throws InterruptedIOException {
		this.lock.lock();
		try {
			while (this.buffers.isEmpty()) {
				if (this.ended || this.discarded) {
					return -1;
				}
				try {
					this.readable.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("Interrupted while reading from the in-JVM broker");
				}
			}
			int copied = 0;
			while (copied < length && !this.buffers.isEmpty()) {
				ByteBuf head = this.buffers.peekFirst();
				int chunk = Math.min(length - copied, head.readableBytes());
				head.readBytes(destination, offset + copied, chunk);
				copied += chunk;
				this.queuedBytes -= chunk;
				if (!head.isReadable()) {
					this.buffers.pollFirst().release();
				}
			}
			return copied;
		}
		finally {
			this.lock.unlock();
		}
	}
}
