package io.github.natsspring.broker.connection;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.protocol.GoDuration;
import io.github.natsspring.broker.routing.SubscriberKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/**
 * What every connection of the broker has, whatever protocol it speaks: an id, a kind, its channel, the
 * outbound side with its overload policy, statistics, the producer stall, the write deadline and closing.
 * Everything here runs on the connection's own event loop unless a method says otherwise.
 */
public abstract class Connection {

	private final long id;

	private final Channel channel;

	private BrokerLimits limits;

	private final ConnectionLog log;

	private final OutboundQueue outbound;

	private final ConnectionStatistics statistics = new ConnectionStatistics();

	private final Runnable resumeTask = this::endStall;

	private final Runnable slowConsumerTask = this::closeAsSlowConsumer;

	/**
	 * Set while nothing is read or decoded: from the moment a delivery asks this producer to stall until the stall
	 * ends, or while a slow authentication runs.
	 */
	private boolean suspended;

	/** Set while reading is suspended for a slow authentication, which only its completion ends. */
	private boolean authenticating;

	private ScheduledFuture<?> stallTimer;

	private long stallNanos;

	/** What was read but not decoded because reading was suspended. */
	private ByteBuf unread;

	/** Set once closing started (after an error, or a flush before closing): nothing more is read. */
	private boolean closing;

	private volatile boolean closed;

	/**
	 * Creates the connection state for an accepted channel.
	 * @param id the connection id, unique within the broker
	 * @param channel the channel
	 * @param limits the broker's limits (max pending, write deadline)
	 * @param logging which debug and trace lines to log
	 */
	protected Connection(long id, Channel channel, BrokerLimits limits, BrokerLogging logging) {
		this(id, channel, limits, logging, "cid", limits.maxPending());
	}

	/**
	 * Creates the state of a connection to another server: logged with its own id label, and never cut off as
	 * a slow consumer, since dropping a route loses the interest of a whole server.
	 * @param id the connection id, unique within the broker
	 * @param channel the channel
	 * @param limits the broker's limits (write deadline)
	 * @param logging which debug and trace lines to log
	 * @param idLabel what precedes the id in log lines, such as {@code rid}
	 */
	protected Connection(long id, Channel channel, BrokerLimits limits, BrokerLogging logging, String idLabel) {
		this(id, channel, limits, logging, idLabel, Long.MAX_VALUE);
	}

	private Connection(long id, Channel channel, BrokerLimits limits, BrokerLogging logging, String idLabel,
			long maxPending) {
		this.id = id;
		this.channel = channel;
		this.limits = limits;
		this.log = new ConnectionLog(describe(channel.remoteAddress()), idLabel, id, logging);
		this.outbound = new OutboundQueue(channel, maxPending, limits.writeDeadline(),
				new OutboundQueue.OverloadListener() {
					@Override
					public void maxPendingExceeded() {
						channel.eventLoop().execute(Connection.this.slowConsumerTask);
					}

					@Override
					public void writeDeadlineExceeded(int writes, long pendingBytes) {
						Connection.this.writeDeadlineExceeded(writes, pendingBytes);
					}
				});
	}

	/**
	 * What this connection is.
	 * @return the kind
	 */
	public abstract SubscriberKind kind();

	/**
	 * Decodes the bytes of one read and runs the operations they hold.
	 * @param in the bytes read, released by the caller
	 */
	protected abstract void decode(ByteBuf in);

	/**
	 * Stops the decode in progress after the operation being handled, leaving the rest of the read unread.
	 */
	protected abstract void pauseDecoding();

	/**
	 * Releases what the connection holds beyond its channel and outbound queue (subscriptions, timers,
	 * registration). Called once, on close.
	 * @param reason why the connection closed
	 */
	protected abstract void released(String reason);

	/**
	 * The connection id.
	 * @return the id, as {@code cid} in logs
	 */
	public final long id() {
		return this.id;
	}

	/**
	 * The channel.
	 * @return the connection's channel
	 */
	public final Channel channel() {
		return this.channel;
	}

	/**
	 * Traffic and liveness figures.
	 * @return the statistics
	 */
	public final ConnectionStatistics statistics() {
		return this.statistics;
	}

	/**
	 * Bytes queued for this connection or being written to it; any thread.
	 * @return the pending bytes
	 */
	public final long pendingBytes() {
		return this.outbound.pendingBytes();
	}

	/**
	 * Whether the connection is closed; any thread.
	 * @return {@code true} once closed
	 */
	public final boolean isClosed() {
		return this.closed;
	}

	final OutboundQueue outbound() {
		return this.outbound;
	}

	/**
	 * Puts reloaded limits and logging in force; max pending stays as it was, as nats-server cannot change it
	 * while running.
	 */
	void applyReloaded(BrokerLimits reloadedLimits, BrokerLogging logging) {
		this.limits = reloadedLimits;
		this.outbound.setWriteDeadline(reloadedLimits.writeDeadline());
		this.log.setLogging(logging);
	}

	/**
	 * The limits in force for this connection.
	 * @return the limits
	 */
	protected final BrokerLimits limits() {
		return this.limits;
	}

	/**
	 * The connection's log lines.
	 * @return the log
	 */
	public final ConnectionLog log() {
		return this.log;
	}

	/**
	 * Whether bytes from this connection are no longer processed (closed, or closing after an error).
	 * @return {@code true} once closing started
	 */
	protected final boolean isClosing() {
		return this.closing || this.closed;
	}

	/**
	 * Begins appending one frame to the outbound queue; any thread. Every append ends with
	 * {@link #endAppend()} or {@link #abortAppend()}.
	 * @return the buffer to write the frame into, or {@code null} when the connection refuses output
	 */
	protected final ByteBuf beginAppend() {
		return this.outbound.beginAppend();
	}

	/** Queues the frame written since {@link #beginAppend()}, flushed at the end of the read batch. */
	protected final void endAppend() {
		this.outbound.endAppend();
	}

	/** Discards the frame written since {@link #beginAppend()}. */
	protected final void abortAppend() {
		this.outbound.abortAppend();
	}

	// ---- reading ----------------------------------------------------------------------------------------------

	/**
	 * Handles the bytes of one read; what they make owed (flushes, a stall) is done at {@link #endReadBatch()}.
	 * While the connection is stalled the bytes are kept, to be decoded when the stall ends.
	 * @param in the bytes read, released by the caller
	 */
	public final void read(ByteBuf in) {
		if (isClosing()) {
			return;
		}
		if (this.suspended) {
			keepUnread(in);
			return;
		}
		this.statistics.active(System.currentTimeMillis());
		ReadBatch.begin(this);
		decode(in);
		if (this.suspended && in.isReadable() && !isClosing()) {
			keepUnread(in);
		}
	}

	private void keepUnread(ByteBuf in) {
		ByteBuf rest = in.retainedSlice();
		this.unread = (this.unread == null) ? rest : Unpooled.wrappedBuffer(this.unread, rest);
	}

	/**
	 * Ends a read batch: one flush per connection that got bytes during it, then the stall of this connection
	 * if its deliveries took a consumer over half its max pending.
	 */
	public final void endReadBatch() {
		ReadBatch.end(this);
	}

	// ---- producer stall ---------------------------------------------------------------------------------------

	/**
	 * Stops reading at once: decoding stops after the operation being handled, what was read after it is kept,
	 * and the socket is no longer read, until {@link #resumeReading()}.
	 */
	final void suspendReading() {
		if (this.suspended) {
			return;
		}
		this.suspended = true;
		this.channel.config().setAutoRead(false);
		pauseDecoding();
	}

	/**
	 * Reads again after {@link #suspendReading()}: decodes what was kept, which may suspend reading again, then
	 * reads the socket.
	 */
	final void resumeReading() {
		if (!this.suspended) {
			return;
		}
		this.suspended = false;
		if (this.closed) {
			return;
		}
		ByteBuf pending = this.unread;
		this.unread = null;
		if (pending != null) {
			try {
				read(pending);
			}
			finally {
				pending.release();
			}
			ReadBatch.end(this);
			if (this.suspended || this.closed) {
				return;
			}
		}
		this.channel.config().setAutoRead(true);
	}

	/**
	 * Stalls this producer at once, as nats-server stalls it in the middle of a read buffer: reading is suspended
	 * after the message being routed. How long the stall lasts is decided at the end of the read batch
	 * ({@link #stall(long)}).
	 */
	final void requestStall() {
		suspendReading();
	}

	/**
	 * Keeps a requested stall for at most the given time, until a consumer it fed drains.
	 * @param nanos the longest stall; 0 when the consumers drained already and reading resumes at once
	 */
	final void stall(long nanos) {
		if (!this.suspended || this.authenticating || this.closed || this.stallTimer != null) {
			return;
		}
		if (nanos <= 0) {
			// a task, not a call: resuming decodes what is unread, which may stall and end up here again
			this.channel.eventLoop().execute(this.resumeTask);
			return;
		}
		this.stallNanos = nanos;
		this.stallTimer = this.channel.eventLoop().schedule(this::stallTimedOut, nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Resumes reading after a stall; any thread. Always a task, even on the connection's own event loop: the
	 * caller may be in the middle of another connection's read batch, which resuming must not interleave with.
	 */
	final void resumeFromStall() {
		this.channel.eventLoop().execute(this.resumeTask);
	}

	private void stallTimedOut() {
		if (this.stallTimer != null) {
			this.stallTimer = null;
			this.log.debug("Timed out of fast producer stall (" + GoDuration.format(Duration.ofNanos(this.stallNanos))
					+ ")");
			endStall();
		}
	}

	private void endStall() {
		if (this.stallTimer != null) {
			this.stallTimer.cancel(false);
			this.stallTimer = null;
		}
		// a release left over from an earlier stall must not resume a client whose authentication is running
		if (!this.authenticating) {
			resumeReading();
		}
	}

	/**
	 * Suspends reading while an authentication runs off the event loop, so that nothing the client sent after
	 * its CONNECT is handled before the CONNECT's outcome.
	 */
	final void suspendForAuthentication() {
		this.authenticating = true;
		suspendReading();
	}

	/**
	 * Reads again once the authentication is done; on the event loop.
	 */
	final void resumeAfterAuthentication() {
		this.authenticating = false;
		resumeReading();
	}

	// ---- overload -----------------------------------------------------------------------------------------------

	private void writeDeadlineExceeded(int writes, long pendingBytes) {
		if (this.closed) {
			return;
		}
		this.log.notice("Slow Consumer Detected: WriteDeadline of " + GoDuration.format(this.limits.writeDeadline())
				+ " exceeded with " + writes + " chunks of " + pendingBytes + " total bytes.");
		slowConsumer("Slow Consumer (Write Deadline)");
	}

	private void closeAsSlowConsumer() {
		if (!this.closed) {
			this.log.notice("Slow Consumer Detected: MaxPending of " + this.limits.maxPending() + " Exceeded");
			slowConsumer("Slow Consumer (Pending Bytes)");
		}
	}

	/**
	 * Counts a slow consumer in the server's statistics, then closes without flushing, as nats-server does.
	 * @param reason the close reason
	 */
	protected void slowConsumer(String reason) {
		close(reason);
	}

	// ---- closing ----------------------------------------------------------------------------------------------

	/**
	 * Flushes what is queued, then closes; nothing more is read meanwhile.
	 * @param reason why the connection closes
	 */
	public final void closeAfterFlush(String reason) {
		if (isClosing()) {
			return;
		}
		this.closing = true;
		this.outbound.flushThen(() -> close(reason));
	}

	/**
	 * Closes at once, dropping what is queued. Idempotent.
	 * @param reason why the connection closes
	 */
	public final void close(String reason) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		ReadBatch.end(this);
		if (this.stallTimer != null) {
			this.stallTimer.cancel(false);
			this.stallTimer = null;
		}
		if (this.unread != null) {
			this.unread.release();
			this.unread = null;
		}
		// the queue refuses appends first, so no delivery is counted after the statistics are gathered
		this.outbound.close();
		released(reason);
		this.channel.close();
	}

	/**
	 * Called when the channel went inactive for any reason.
	 */
	public final void channelClosed() {
		close("Client Closed");
	}

	private static String describe(SocketAddress address) {
		if (address instanceof InetSocketAddress inet) {
			return ((inet.getAddress() != null) ? inet.getAddress().getHostAddress() : inet.getHostString()) + ":"
					+ inet.getPort();
		}
		return String.valueOf(address);
	}
}
