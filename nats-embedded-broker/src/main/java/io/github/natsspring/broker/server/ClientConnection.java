package io.github.natsspring.broker.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.protocol.ClientOpHandler;
import io.github.natsspring.broker.protocol.ClientProtocolDecoder;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.github.natsspring.broker.protocol.ServerFrames;
import io.github.natsspring.broker.subject.Subjects;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/**
 * The server side of one client connection: its CONNECT options, subscriptions, liveness timers and
 * outbound queue. Protocol operations arrive on the connection's own event loop; deliveries from publishers
 * arrive on theirs and go through the {@link OutboundQueue}.
 */
final class ClientConnection implements ClientOpHandler {

	private static final System.Logger LOG = System.getLogger(ClientConnection.class.getName());

	/** nats-server sends its first PING this long after CONNECT, to measure the round trip early. */
	private static final long FIRST_PING_MILLIS = 2000;

	/** The header-only status message nats-server answers a request with when nobody subscribes. */
	private static final ByteBuf NO_RESPONDERS_STATUS = Unpooled.unreleasableBuffer(
			Unpooled.wrappedBuffer("NATS/1.0 503\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).asReadOnly());

	private final BrokerServer server;

	private final long id;

	private final Channel channel;

	private final OutboundQueue outbound;

	private final String remoteAddress;

	private final ClientProtocolDecoder decoder;

	private final PublishedMessage published = new PublishedMessage();

	private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

	/** Clients this connection's publishes queued bytes for during the current read batch. */
	private final ArrayList<ClientConnection> flushBatch = new ArrayList<>();

	/**
	 * The CONNECT options in force; before CONNECT nats-server's defaults (verbose, pedantic and echo on, no
	 * headers). Volatile: publishers on other event loops read {@code headers} when delivering.
	 */
	private volatile ConnectOptions options = ConnectOptions.DEFAULTS;

	private boolean authenticated;

	private boolean inReadBatch;

	private boolean selfFlushNeeded;

	private int pingsOut;

	/** Whether a PING of the client was answered: nats-server's condition for sending it async INFO. */
	private boolean pingAnswered;

	private ScheduledFuture<?> authTimer;

	private ScheduledFuture<?> pingTimer;

	private volatile boolean closed;

	/** Set once a closing error is queued: nothing more is read from this client. */
	private boolean closing;

	ClientConnection(BrokerServer server, long id, Channel channel) {
		this.server = server;
		this.id = id;
		this.channel = channel;
		this.outbound = new OutboundQueue(channel, server.limits().maxPending());
		this.remoteAddress = BrokerServer.describe(channel.remoteAddress());
		this.decoder = new ClientProtocolDecoder(server.limits().maxControlLine(), server.limits().maxPayload());
	}

	long id() {
		return this.id;
	}

	Channel channel() {
		return this.channel;
	}

	/** Whether bytes from this client are no longer processed (closed, or closing after an error). */
	boolean isClosing() {
		return this.closing || this.closed;
	}

	/** Called once the channel is active: sends INFO and arms the auth timer. */
	void start(boolean overConnectionLimit) {
		send(out -> ServerFrames.writeInfo(out, this.server.infoFor(this)));
		if (overConnectionLimit) {
			closeWithError("maximum connections exceeded");
			return;
		}
		if (this.server.authenticator().isRequired()) {
			this.authTimer = this.channel.eventLoop().schedule(this::authTimeout,
					this.server.limits().authTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			this.authenticated = true;
		}
		debug("Client connection created");
	}

	/**
	 * Decodes the bytes of one read and runs the operations they hold; replies and deliveries are flushed
	 * at the end of the read batch ({@link #endReadBatch()}).
	 */
	void read(ByteBuf in) {
		if (isClosing()) {
			return;
		}
		this.inReadBatch = true;
		try {
			this.decoder.decode(in, this);
		}
		catch (ProtocolViolation violation) {
			onViolation(violation);
		}
	}

	/** Ends a read batch: one write per client that got bytes during it. */
	void endReadBatch() {
		this.inReadBatch = false;
		if (this.selfFlushNeeded) {
			this.selfFlushNeeded = false;
			this.outbound.requestFlush();
		}
		ArrayList<ClientConnection> batch = this.flushBatch;
		for (int i = 0, n = batch.size(); i < n; i++) {
			batch.get(i).outbound.requestFlush();
		}
		batch.clear();
	}

	private void onViolation(ProtocolViolation violation) {
		trace("Protocol violation: " + violation.getMessage());
		if (violation.errText() != null) {
			if (violation.closesConnection()) {
				closeWithError(violation.errText());
			}
			else {
				sendErr(violation.errText());
			}
		}
		else {
			close("Protocol violation");
		}
	}

	// ---- client operations -------------------------------------------------------------------------

	@Override
	public void onConnect(ConnectOptions options) {
		if (this.server.logging().trace()) {
			trace("<<- [CONNECT " + options + "]");
		}
		boolean authorized = !this.server.authenticator().isRequired()
				|| this.server.authenticator().authenticate(options);
		// accounts are not supported yet: nats-server refuses an unknown account the same way
		if (!authorized || options.account() != null || options.newAccount()) {
			LOG.log(System.Logger.Level.ERROR, prefix() + "Authorization Error");
			closeWithError("Authorization Violation");
			return;
		}
		try {
			options.validate();
		}
		catch (ProtocolViolation violation) {
			closeWithError(violation.errText());
			return;
		}
		cancel(this.authTimer);
		this.authenticated = true;
		this.options = options;
		sendOkIfVerbose();
		if (this.pingTimer == null) {
			long firstPing = Math.min(FIRST_PING_MILLIS, this.server.limits().pingInterval().toMillis());
			firstPing += ThreadLocalRandom.current().nextLong(firstPing / 5 + 1);
			this.pingTimer = this.channel.eventLoop().schedule(this::pingTimerFired, firstPing, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void onPing() {
		if (!checkAuthenticated()) {
			return;
		}
		trace("<<- [PING]");
		send(ServerFrames::writePong);
		this.pingAnswered = true;
	}

	@Override
	public void onPong() {
		if (!checkAuthenticated()) {
			return;
		}
		trace("<<- [PONG]");
		this.pingsOut = 0;
	}

	@Override
	public void onPub(String subject, String replyTo, ByteBuf payload) {
		publish(subject, replyTo, -1, payload);
	}

	@Override
	public void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) {
		if (!this.options.headers()) {
			// nats-server closes silently when a client that did not declare headers sends HPUB
			close("HPUB without headers support");
			return;
		}
		// an empty header block is no header at all: nats-server delivers such a message as MSG
		publish(subject, replyTo, headerSize == 0 ? -1 : headerSize, headersAndPayload);
	}

	private void publish(String subject, String replyTo, int headerSize, ByteBuf message) {
		if (!checkAuthenticated()) {
			return;
		}
		if (this.server.logging().trace()) {
			trace("<<- [" + (headerSize < 0 ? "PUB " : "HPUB ") + subject + (replyTo != null ? " " + replyTo : "")
					+ (headerSize < 0 ? "" : " " + headerSize) + " " + message.readableBytes() + "]");
		}
		if (this.options.pedantic() && !Subjects.isValidPublishSubject(subject)) {
			sendErr("Invalid Publish Subject");
		}
		sendOkIfVerbose();
		PublishedMessage toRoute = this.published;
		toRoute.fill(subject, replyTo, headerSize, headerSize < 0 ? 0 : this.decoder.headerSizeDigits(),
				this.decoder.sizeDigits(), message);
		this.server.router().route(this, toRoute);
		toRoute.clearContent();
	}

	@Override
	public void onSub(String subject, String queue, String sid) {
		if (!checkAuthenticated()) {
			return;
		}
		if (this.server.logging().trace()) {
			trace("<<- [SUB " + subject + (queue != null ? " " + queue : "") + " " + sid + "]");
		}
		if (!Subjects.isValidSubscribeSubject(subject)) {
			sendErr("Invalid Subject");
			return;
		}
		int maxSubscriptions = this.server.limits().maxSubscriptions();
		if (maxSubscriptions > 0 && this.subscriptions.size() >= maxSubscriptions) {
			LOG.log(System.Logger.Level.ERROR, prefix() + "Maximum Subscriptions Exceeded (max=" + maxSubscriptions + ")");
			sendErr("maximum subscriptions exceeded");
			return;
		}
		if (!this.subscriptions.containsKey(sid)) {
			Subscription subscription = new Subscription(this, subject, queue, sid);
			this.subscriptions.put(sid, subscription);
			this.server.router().subscribe(subscription);
		}
		sendOkIfVerbose();
	}

	@Override
	public void onUnsub(String sid, long max) {
		if (!checkAuthenticated()) {
			return;
		}
		if (this.server.logging().trace()) {
			trace("<<- [UNSUB " + sid + (max >= 0 ? " " + max : "") + "]");
		}
		Subscription subscription = this.subscriptions.get(sid);
		if (subscription != null) {
			boolean removeNow;
			this.outbound.lockState();
			try {
				removeNow = max <= 0 || subscription.delivered >= max;
				if (!removeNow) {
					subscription.maxDeliveries = max;
				}
			}
			finally {
				this.outbound.unlockState();
			}
			if (removeNow) {
				unsubscribe(subscription);
			}
		}
		sendOkIfVerbose();
	}

	@Override
	public void onInfo() {
		// clients may send INFO (e.g. when acting as a route); nats-server ignores it from clients
	}

	@Override
	public void onOk() {
		// +OK from a client is ignored, as nats-server does
	}

	@Override
	public void onErr(String message) {
		debug("Client error: " + message);
		close("Client sent -ERR");
	}

	// ---- delivery ------------------------------------------------------------------------------------

	/**
	 * Queues one message for a subscription of this client. Called on the publisher's event loop.
	 * @return whether the message was queued
	 */
	boolean deliver(Subscription subscription, PublishedMessage message, ClientConnection publisher) {
		ByteBuf out = this.outbound.lock();
		if (out == null) {
			return false;
		}
		long max = subscription.maxDeliveries;
		if (max > 0 && subscription.delivered >= max) {
			this.outbound.unlockWithoutAppend();
			return false;
		}
		boolean reachedMax;
		OutboundQueue.AppendResult result;
		try {
			ByteBuf content = message.content;
			if (!message.hasHeaders()) {
				ServerFrames.writeMsg(out, message.subjectBytes, subscription.sidBytes, message.replyToBytes, content,
						message.sizeDigits);
			}
			else if (this.options.headers()) {
				ServerFrames.writeHmsg(out, message.subjectBytes, subscription.sidBytes, message.replyToBytes,
						message.headerSize, message.headerSizeDigits, content, message.sizeDigits);
			}
			else {
				ServerFrames.writeMsg(out, message.subjectBytes, subscription.sidBytes, message.replyToBytes,
						content.slice(content.readerIndex() + message.headerSize,
								content.readableBytes() - message.headerSize));
			}
		subscription.delivered++;
			reachedMax = max > 0 && subscription.delivered >= max;
		}
		finally {
			result = this.outbound.unlock();
		}
		if (reachedMax) {
			unsubscribe(subscription);
		}
		afterAppend(result, publisher);
		return true;
	}

	/** Sends the no-responders status (503) to the first of this client's subscriptions matching the reply. */
	void deliverNoResponders(Subscription subscription, byte[] replyTo) {
		ByteBuf out = this.outbound.lock();
		if (out == null) {
			return;
		}
		OutboundQueue.AppendResult result;
		try {
			ServerFrames.writeHmsg(out, replyTo, subscription.sidBytes, null, NO_RESPONDERS_STATUS.readableBytes(),
					NO_RESPONDERS_STATUS);
		}
		finally {
			result = this.outbound.unlock();
		}
		afterAppend(result, this);
	}

	private void afterAppend(OutboundQueue.AppendResult result, ClientConnection publisher) {
		if (result == OutboundQueue.AppendResult.FLUSH_NEEDED) {
			if (publisher != null && publisher.inReadBatch && publisher.channel.eventLoop().inEventLoop()) {
				if (publisher == this) {
					this.selfFlushNeeded = true;
				}
				else {
					publisher.flushBatch.add(this);
				}
			}
			else {
				this.outbound.requestFlush();
			}
		}
		else if (result == OutboundQueue.AppendResult.SLOW_CONSUMER) {
			this.channel.eventLoop().execute(this::closeAsSlowConsumer);
		}
	}

	private void unsubscribe(Subscription subscription) {
		if (this.subscriptions.remove(subscription.sid, subscription)) {
			this.server.router().unsubscribe(subscription);
		}
	}

	// ---- liveness -------------------------------------------------------------------------------------

	private void authTimeout() {
		if (!this.authenticated && !this.closed) {
			LOG.log(System.Logger.Level.ERROR, prefix() + "Authentication Timeout");
			closeWithError("Authentication Timeout");
		}
	}

	private void pingTimerFired() {
		if (this.closed) {
			return;
		}
		if (this.pingsOut + 1 > this.server.limits().maxPingsOut()) {
			debug("Stale Client Connection - Closing");
			closeWithError("Stale Connection");
			return;
		}
		this.pingsOut++;
		send(ServerFrames::writePing);
		this.pingTimer = this.channel.eventLoop().schedule(this::pingTimerFired,
				this.server.limits().pingInterval().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Whether this client may receive asynchronous INFO updates (lame duck, cluster URLs). */
	boolean acceptsAsyncInfo() {
		return this.options.protocol() >= 1 && this.pingAnswered;
	}

	/** Whether this client receives its own publishes (CONNECT echo, on before CONNECT). */
	boolean echo() {
		return this.options.echo();
	}

	/** Whether a request of this client that reaches nobody is answered with the no-responders status. */
	boolean wantsNoResponders() {
		return this.options.noResponders();
	}

	/** Sends an INFO with {@code ldm:true}, telling the client the server is going away. */
	void sendLameDuckInfo() {
		send(out -> ServerFrames.writeInfo(out, this.server.infoFor(this).withLameDuckMode()));
	}

	// ---- writing and closing -------------------------------------------------------------------------

	private boolean checkAuthenticated() {
		if (this.authenticated) {
			return true;
		}
		closeWithError("Authorization Violation");
		return false;
	}

	private void sendOkIfVerbose() {
		if (this.options.verbose()) {
			send(ServerFrames::writeOk);
		}
	}

	private void sendErr(String text) {
		send(out -> ServerFrames.writeErr(out, text));
	}

	/** Queues a frame written by this connection's own logic, flushed at the end of the read batch or now. */
	private void send(FrameWriter writer) {
		ByteBuf out = this.outbound.lock();
		if (out == null) {
			return;
		}
		OutboundQueue.AppendResult result;
		try {
			writer.write(out);
		}
		finally {
			result = this.outbound.unlock();
		}
		afterAppend(result, this.inReadBatch ? this : null);
	}

	/** Sends {@code -ERR '<text>'}, flushes it and closes, as nats-server does for closing errors. */
	void closeWithError(String text) {
		if (this.closing || this.closed) {
			return;
		}
		sendErr(text);
		closeAfterFlush("-ERR " + text);
	}

	/** Flushes what is queued, then closes. */
	void closeAfterFlush(String reason) {
		if (this.closing || this.closed) {
			return;
		}
		this.closing = true;
		this.selfFlushNeeded = false;
		this.outbound.flushThen(() -> close(reason));
	}

	private void closeAsSlowConsumer() {
		if (!this.closed) {
			LOG.log(System.Logger.Level.INFO, prefix() + "Slow Consumer Detected: pending bytes over "
					+ this.server.limits().maxPending());
			close("Slow Consumer (Pending Bytes)");
		}
	}

	/** Closes at once, dropping what is queued. Idempotent; safe from the connection's event loop only. */
	void close(String reason) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		debug("Client connection closed: " + reason);
		cancel(this.authTimer);
		cancel(this.pingTimer);
		this.decoder.release();
		for (Subscription subscription : this.subscriptions.values()) {
			this.server.router().unsubscribe(subscription);
		}
		this.subscriptions.clear();
		this.outbound.close();
		this.server.unregister(this);
		this.channel.close();
	}

	/** Called when the channel went inactive for any reason. */
	void channelClosed() {
		close("Client Closed");
	}

	/** Called when the socket has stayed unwritable past the write deadline. */
	void writeDeadlineExceeded() {
		if (!this.closed && !this.channel.isWritable()) {
			LOG.log(System.Logger.Level.INFO, prefix() + "Slow Consumer Detected: WriteDeadline of "
					+ this.server.limits().writeDeadline() + " exceeded");
			close("Slow Consumer (Write Deadline)");
		}
	}

	private static void cancel(ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	String prefix() {
		return this.remoteAddress + " - cid:" + this.id + " - ";
	}

	private void debug(String message) {
		if (this.server.logging().debug()) {
			LOG.log(System.Logger.Level.DEBUG, prefix() + message);
		}
	}

	private void trace(String message) {
		if (this.server.logging().trace()) {
			LOG.log(System.Logger.Level.TRACE, prefix() + message);
		}
	}

	/** Writes one frame into an outbound buffer. */
	@FunctionalInterface
	private interface FrameWriter {

		void write(ByteBuf out);

	}
}
