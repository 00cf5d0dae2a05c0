package io.github.natsspring.broker.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Bytes queued for one connection, appended by any thread (publishers deliver from their own event loops) and
 * written by the connection's own event loop, once per publisher read batch rather than once per message.
 * <p>
 * The queue keeps its own count of pending bytes: those appended and not yet handed to the socket, plus those
 * handed over and not yet written. Its overload policy is nats-server's: once pending bytes pass half of max
 * pending, client producers delivering to it are stalled (no longer read) until it drains below half or the
 * stall times out; an append that would take it over max pending is dropped, the queue refuses every append
 * after it, and the listener hears of it exactly once. Memory per connection therefore stays bounded by max
 * pending. A write that stays incomplete for a whole write deadline, without any other write completing
 * meanwhile, is reported too, as nats-server reports a write blocked past its deadline.
 * <p>
 * An append is a {@link #beginAppend()} / write / {@link #endAppend()} sequence under the queue's lock.
 */
public final class OutboundQueue {

	private static final int INITIAL_CAPACITY = 1024;

	/** nats-server's shortest stall of a fast producer. */
	static final long MIN_STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	/** nats-server's stall of a fast producer once its consumer is at max pending. */
	static final long MAX_STALL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Channel channel;

	private final long maxPending;

	private final long stallThreshold;

	private long writeDeadlineNanos;

	private final OverloadListener listener;

	private final ReentrantLock lock = new ReentrantLock();

	private final Runnable flushTask = this::flush;

	private ByteBuf buffer;

	private int frameStart;

	private boolean flushOwed;

	private boolean refusingAppends;

	/**
	 * Bytes handed to the socket and not yet written. Written by the event loop only, so a completed write
	 * updates it without taking the lock that publishers append under; read by publishers under that lock.
	 */
	private volatile long inFlightBytes;

	private volatile int inFlightWrites;

	private final ArrayList<Connection> stalledProducers = new ArrayList<>(2);

	/** Whether {@link #stalledProducers} may hold any, so that a completed write only locks when it might. */
	private volatile boolean producersStalled;

	/** Writes the socket completed; event loop only, as is the write deadline's state below. */
	private long completedWrites;

	private ScheduledFuture<?> writeDeadlineTimer;

	private long completedWritesAtDeadlineStart;

	/**
	 * Creates the queue of one connection.
	 * @param channel the connection's channel
	 * @param maxPending most bytes pending before the connection is a slow consumer
	 * @param writeDeadline how long writes may stay incomplete without progress
	 * @param listener told when either limit is passed
	 */
	OutboundQueue(Channel channel, long maxPending, Duration writeDeadline, OverloadListener listener) {
		this.channel = channel;
		this.maxPending = maxPending;
		this.stallThreshold = maxPending / 2;
		this.writeDeadlineNanos = writeDeadline.toNanos();
		this.listener = listener;
	}

	/**
	 * Locks the queue for one append.
	 * @return the buffer to write one frame into, or {@code null} when the queue refuses appends (the lock is
	 * then already released)
	 */
	ByteBuf beginAppend() {
		this.lock.lock();
		if (this.refusingAppends) {
			this.lock.unlock();
			return null;
		}
		if (this.buffer == null) {
			this.buffer = this.channel.alloc().directBuffer(INITIAL_CAPACITY);
		}
		this.frameStart = this.buffer.writerIndex();
		return this.buffer;
	}

	/**
	 * Ends an append begun with {@link #beginAppend()}: drops the frame when it takes the queue over max pending,
	 * otherwise has it flushed (at the end of the current read batch when there is one on this thread) and
	 * notes a producer stall when the queue is over half of max pending.
	 * @return whether the frame was queued; {@code false} when it was dropped and the slow-consumer action ran
	 */
	boolean endAppend() {
		boolean flushNeeded = false;
		boolean overStallThreshold = false;
		boolean cut = false;
		try {
			long pending = this.buffer.readableBytes() + this.inFlightBytes;
			if (pending > this.maxPending) {
				this.buffer.writerIndex(this.frameStart);
				this.refusingAppends = true;
				cut = true;
			}
			else {
				overStallThreshold = pending > this.stallThreshold;
				if (!this.flushOwed) {
					this.flushOwed = true;
					flushNeeded = true;
				}
			}
		}
		finally {
			this.lock.unlock();
		}
		if (cut) {
			releaseStalledProducers();
			this.listener.maxPendingExceeded();
			return false;
		}
		if (flushNeeded || overStallThreshold) {
			ReadBatch batch = ReadBatch.current();
			if (flushNeeded && !batch.deferFlush(this)) {
				requestFlush();
			}
			if (overStallThreshold) {
				batch.stallProducerOn(this);
			}
		}
		return true;
	}

	/**
	 * Ends an append begun with {@link #beginAppend()} without queuing anything: whatever was written of the
	 * frame is discarded.
	 */
	void abortAppend() {
		this.buffer.writerIndex(this.frameStart);
		this.lock.unlock();
	}

	/**
	 * Takes the lock for per-connection state guarded with the queue (subscription delivery counts).
	 */
	void lockState() {
		this.lock.lock();
	}

	/**
	 * Releases the lock taken by {@link #lockState()}.
	 */
	void unlockState() {
		this.lock.unlock();
	}

	/**
	 * Writes what is queued from the connection's event loop: at once when called on it, else as a task.
	 */
	void requestFlush() {
		if (this.channel.eventLoop().inEventLoop()) {
			flush();
		}
		else {
			this.channel.eventLoop().execute(this.flushTask);
		}
	}

	/**
	 * Writes what is queued and runs the action once the socket took it (at once when nothing is queued).
	 * Must be called on the connection's event loop.
	 * @param action what to run after the write
	 */
	void flushThen(Runnable action) {
		ByteBuf toWrite = takeForWrite();
		if (toWrite == null) {
			action.run();
			return;
		}
		int size = toWrite.readableBytes();
		armWriteDeadline();
		this.channel.writeAndFlush(toWrite).addListener((future) -> {
			written(size);
			action.run();
		});
	}

	/**
	 * Registers a client producer to be resumed once this queue drains below half of max pending.
	 * @param producer the producer whose deliveries took the queue over half
	 * @return how long to stall the producer at most, in nanoseconds, as nats-server scales it with the pending
	 * bytes; 0 when the queue has drained already or is closed, and the producer need not stall
	 */
	long registerStalledProducer(Connection producer) {
		this.lock.lock();
		try {
			// announced before the pending bytes are read: a write completing meanwhile either sees the
			// announcement and releases the producer, or is seen here and the producer need not stall
			this.producersStalled = true;
			long pending = pendingLocked();
			if (this.refusingAppends || pending <= this.stallThreshold) {
				this.producersStalled = !this.stalledProducers.isEmpty();
				return 0;
			}
			if (!this.stalledProducers.contains(producer)) {
				this.stalledProducers.add(producer);
			}
			return stallNanos(pending, this.maxPending);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * How long nats-server 2.9.10 stalls a fast producer: 100 ms, plus 100 ms per tenth of the upper half of
	 * max pending that is filled, and 1 s once the consumer is at max pending.
	 */
	static long stallNanos(long pending, long maxPending) {
		if (pending >= maxPending) {
			return MAX_STALL_NANOS;
		}
		long half = maxPending / 2;
		if (pending <= half) {
			return MIN_STALL_NANOS;
		}
		long step = Math.max(1, half / 10);
		return MIN_STALL_NANOS + MIN_STALL_NANOS * ((pending - half) / step);
	}

	/**
	 * Bytes queued or being written.
	 * @return the pending bytes
	 */
	long pendingBytes() {
		this.lock.lock();
		try {
			return pendingLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Drops what is queued, refuses further appends and releases any producer stalled on this queue.
	 */
	void close() {
		if (this.writeDeadlineTimer != null) {
			this.writeDeadlineTimer.cancel(false);
			this.writeDeadlineTimer = null;
		}
		this.lock.lock();
		try {
			this.refusingAppends = true;
			if (this.buffer != null) {
				this.buffer.release();
				this.buffer = null;
			}
		}
		finally {
			this.lock.unlock();
		}
		releaseStalledProducers();
	}

	private long pendingLocked() {
		return ((this.buffer != null) ? this.buffer.readableBytes() : 0) + this.inFlightBytes;
	}

	private void flush() {
		ByteBuf toWrite = takeForWrite();
		if (toWrite != null) {
			int size = toWrite.readableBytes();
			armWriteDeadline();
			this.channel.writeAndFlush(toWrite).addListener((future) -> written(size));
		}
	}

	private void armWriteDeadline() {
		if (this.writeDeadlineTimer == null) {
			this.completedWritesAtDeadlineStart = this.completedWrites;
			this.writeDeadlineTimer = this.channel.eventLoop().schedule(this::writeDeadlinePassed,
					this.writeDeadlineNanos, TimeUnit.NANOSECONDS);
		}
	}

	private void writeDeadlinePassed() {
		this.writeDeadlineTimer = null;
		int writes;
		long bytes;
		this.lock.lock();
		try {
			if (this.refusingAppends || this.inFlightWrites == 0) {
				return;
			}
			writes = this.inFlightWrites;
			bytes = pendingLocked();
		}
		finally {
			this.lock.unlock();
		}
		if (this.completedWrites != this.completedWritesAtDeadlineStart) {
			armWriteDeadline();
			return;
		}
		this.listener.writeDeadlineExceeded(writes, bytes);
	}

	/** Takes the queued bytes for one write, counted as in flight; {@code null} when there is nothing to write. */
	private ByteBuf takeForWrite() {
		ByteBuf taken;
		this.lock.lock();
		try {
			this.flushOwed = false;
			taken = this.buffer;
			this.buffer = null;
			if (taken == null || !taken.isReadable() || !this.channel.isActive()) {
				if (taken != null) {
					taken.release();
				}
				return null;
			}
			this.inFlightBytes = this.inFlightBytes + taken.readableBytes();
			this.inFlightWrites = this.inFlightWrites + 1;
			return taken;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Called on the event loop when a write completed, or failed because the channel closed. */
	private void written(int size) {
		this.completedWrites++;
		this.inFlightBytes = this.inFlightBytes - size;
		this.inFlightWrites = this.inFlightWrites - 1;
		if (!this.producersStalled) {
			return;
		}
		boolean release;
		this.lock.lock();
		try {
			release = !this.stalledProducers.isEmpty() && pendingLocked() <= this.stallThreshold;
		}
		finally {
			this.lock.unlock();
		}
		if (release) {
			releaseStalledProducers();
		}
	}

	private void releaseStalledProducers() {
		ArrayList<Connection> released;
		this.lock.lock();
		try {
			if (this.stalledProducers.isEmpty()) {
				return;
			}
			// a copy: producers may register again while these are being resumed; releases are rare
			released = new ArrayList<>(this.stalledProducers);
			this.stalledProducers.clear();
			this.producersStalled = false;
		}
		finally {
			this.lock.unlock();
		}
		for (int i = 0, n = released.size(); i < n; i++) {
			released.get(i).resumeFromStall();
		}
	}

	/** Changes the write deadline for the writes armed from now on, after a configuration reload. */
	void setWriteDeadline(Duration writeDeadline) {
		this.writeDeadlineNanos = writeDeadline.toNanos();
	}

	/** Told when a connection's consumer side is overloaded past its limits. */
	interface OverloadListener {

		/** An append was dropped because it would take the queue over max pending; once, on any thread. */
		void maxPendingExceeded();

		/**
		 * Writes stayed incomplete for a whole write deadline without progress; on the event loop.
		 * @param writes the writes in flight
		 * @param pendingBytes the bytes pending
		 */
		void writeDeadlineExceeded(int writes, long pendingBytes);

	}
}
