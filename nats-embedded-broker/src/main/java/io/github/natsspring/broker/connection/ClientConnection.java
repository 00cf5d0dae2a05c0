package io.github.natsspring.broker.connection;

import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.auth.Authenticator;
import io.github.natsspring.broker.auth.Nonces;
import io.github.natsspring.broker.protocol.ClientProtocolDecoder;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.github.natsspring.broker.protocol.ServerFrames;
import io.github.natsspring.broker.routing.MessageOrigin;
import io.github.natsspring.broker.routing.PublishedMessage;
import io.github.natsspring.broker.routing.Subscriber;
import io.github.natsspring.broker.routing.SubscriberKind;
import io.github.natsspring.broker.routing.Subscription;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslHandler;

/**
 * The server side of one client connection. Its jobs are split: {@link ClientSession} (CONNECT, who the client
 * is), {@link ClientOperations} (the protocol's operations), {@link ClientDelivery} (messages out, on
 * publishers' threads), {@link ClientLiveness} (auth timeout and pings) and {@link Connection} (outbound
 * queue, overload policy, statistics, closing). This class ties them together and is the origin of the
 * client's publishes.
 */
public final class ClientConnection extends Connection implements MessageOrigin {

	private final ClientContext context;

	private final ClientSession session;

	private final ClientSubscriptions subscriptions = new ClientSubscriptions();

	private final ClientDelivery delivery = new ClientDelivery(this);

	private final ClientLiveness liveness;

	private final ClientProtocolDecoder decoder;

	private final ClientOperations operations;

	/** The challenge sent in INFO for an nkey to sign, or {@code null} when no nkey users are configured. */
	private final String nonce;

	/**
	 * Creates the connection of an accepted client; {@link #start} sends INFO.
	 * @param context what the connection needs from the server
	 * @param id the client id
	 * @param channel the client's channel
	 */
	public ClientConnection(ClientContext context, long id, Channel channel) {
		super(id, channel, context.limits(), context.logging());
		this.context = context;
		this.session = new ClientSession(context.authenticator().isRequired(), context.accounts());
		this.liveness = new ClientLiveness(this, context.limits());
		this.decoder = new ClientProtocolDecoder(context.limits().maxControlLine(), context.limits().maxPayload());
		this.operations = new ClientOperations(this, context, this.decoder);
		this.nonce = context.authenticator().requiresNonce() ? Nonces.generate() : null;
	}

	@Override
	public SubscriberKind kind() {
		return SubscriberKind.CLIENT;
	}

	/**
	 * Sends INFO and arms the authentication timer; a client over the connection limit gets its error and is
	 * closed.
	 * @param overConnectionLimit whether the server already holds its maximum of connections
	 */
	public void start(boolean overConnectionLimit) {
		send((out) -> ServerFrames.writeInfo(out, this.context.infoFor(this)));
		// INFO is in the socket's outbound buffer already: everything after it goes through TLS
		ChannelHandler tls = this.context.tlsHandler(channel());
		if (tls != null) {
			channel().pipeline().addFirst("tls", tls);
			channel().pipeline().addFirst(TlsRefusalLinger.NAME, new TlsRefusalLinger());
		}
		if (overConnectionLimit) {
			closeWithError("maximum connections exceeded");
			return;
		}
		if (!this.session.isAuthenticated()) {
			this.liveness.awaitAuthentication();
		}
		log().debug("Client connection created");
	}

	@Override
	protected void decode(ByteBuf in) {
		try {
			this.decoder.decode(in, this.operations);
		}
		catch (ProtocolViolation violation) {
			onViolation(violation);
		}
	}

	@Override
	protected void pauseDecoding() {
		this.decoder.pause();
	}

	private void onViolation(ProtocolViolation violation) {
		log().trace("Protocol violation: " + violation.getMessage());
		if (violation.errText() == null) {
			close("Protocol violation");
		}
		else if (violation.closesConnection()) {
			closeWithError(violation.errText());
		}
		else {
			sendErr(violation.errText());
		}
	}

	/**
	 * Puts a configuration reload in force for this connection, on its event loop: the new limits and logging,
	 * and, when authorization changed, a new check of its credentials. Any thread.
	 * @param limits the reloaded limits
	 * @param logging the reloaded logging
	 * @param authenticator the new authenticator when authorization changed, else {@code null}
	 * @param auth the new authorization settings
	 */
	public void reloaded(BrokerLimits limits, BrokerLogging logging, Authenticator authenticator, BrokerAuth auth) {
		channel().eventLoop().execute(() -> {
			if (isClosing()) {
				return;
			}
			applyReloaded(limits, logging);
			this.liveness.setLimits(limits);
			this.decoder.setMaxControlLine(limits.maxControlLine());
			this.decoder.setMaxPayload(limits.maxPayload());
			if (authenticator != null) {
				this.operations.reauthenticate(authenticator, auth);
			}
		});
	}

	/** Closes the connection after a reload pinned certificates it does not present. Any thread. */
	public void closeAsNotPinned() {
		channel().eventLoop().execute(() -> close("TLS Handshake Error"));
	}

	/** Closes the connection as one too many after {@code max_connections} was lowered. Any thread. */
	public void closeForMaxConnections() {
		channel().eventLoop().execute(() -> closeWithError("maximum connections exceeded"));
	}

	// ---- as a message origin ----------------------------------------------------------------------------------

	@Override
	public Subscriber self() {
		return this.delivery;
	}

	@Override
	public boolean echo() {
		return this.session.options().echo();
	}

	@Override
	public boolean wantsNoResponders() {
		return this.session.options().noResponders();
	}

	@Override
	public void answerNoResponders(Subscription replySubscription, PublishedMessage request) {
		this.delivery.deliverNoResponders(replySubscription, request.replyToBytes());
	}

	// ---- what the server asks -----------------------------------------------------------------------------------

	/**
	 * The CONNECT options in force; any thread.
	 * @return the options, nats-server's defaults before CONNECT
	 */
	public ConnectOptions connectOptions() {
		return this.session.options();
	}

	/**
	 * Called when the TLS handshake succeeded: with pinned certificates configured, a client whose certificate
	 * is not one of them is closed as after a failed handshake, as nats-server closes it.
	 */
	public void tlsHandshakeSucceeded() {
		Set<String> pinned = this.context.pinnedCertificates();
		if (pinned != null && !PinnedCertificates.matches(tlsSession(), pinned, log())) {
			tlsHandshakeFailed(new SSLException("certificate not pinned"));
		}
	}

	/**
	 * Whether the client's certificate is among these pinned ones; after a reload changed them. Any thread.
	 * @param pinned the pinned key ids
	 * @return {@code true} when the connection is not TLS or its certificate is pinned
	 */
	public boolean presentsPinnedCertificate(Set<String> pinned) {
		SSLSession session = tlsSession();
		return session == null || PinnedCertificates.matches(session, pinned, log());
	}

	/**
	 * Called when the TLS handshake failed: nats-server logs it and closes without a NATS error, the socket being
	 * in TLS mode.
	 * @param cause why the handshake failed
	 */
	public void tlsHandshakeFailed(Throwable cause) {
		log().error("TLS handshake error: " + cause.getMessage());
		if (channel().pipeline().get(TlsRefusalLinger.NAME) instanceof TlsRefusalLinger linger) {
			linger.refused();
		}
		close("TLS Handshake Error");
	}

	/**
	 * The TLS session of this connection.
	 * @return the session once the handshake is done, or {@code null} for a plaintext connection
	 */
	public SSLSession tlsSession() {
		SslHandler tls = channel().pipeline().get(SslHandler.class);
		return (tls != null) ? tls.engine().getSession() : null;
	}

	/**
	 * The nonce sent to this client in INFO.
	 * @return the nonce, or {@code null} when none was sent
	 */
	public String nonce() {
		return this.nonce;
	}

	/**
	 * The user the client authenticated as.
	 * @return the user name, or {@code null}
	 */
	public String principal() {
		return this.session.principal();
	}

	/**
	 * The number of subscriptions the client holds; any thread.
	 * @return the subscription count
	 */
	public int subscriptionCount() {
		return this.subscriptions.size();
	}

	/**
	 * The subscriptions the client holds, as they are now; any thread.
	 * @return the subscriptions, in no particular order
	 */
	public List<Subscription> subscriptionList() {
		return this.subscriptions.snapshot();
	}

	/**
	 * The account the client is bound to.
	 * @return the account, or {@code null} before authentication
	 */
	public Account account() {
		return this.session.account();
	}

	/**
	 * Whether this client may receive asynchronous INFO updates (lame duck, cluster URLs).
	 * @return {@code true} for a protocol-1 client whose PING the server answered
	 */
	public boolean acceptsAsyncInfo() {
		return this.session.options().protocol() >= 1 && this.liveness.isClientPingAnswered();
	}

	/**
	 * Sends an INFO with {@code ldm:true}, telling the client the server is going away.
	 */
	public void sendLameDuckInfo() {
		send((out) -> ServerFrames.writeInfo(out, this.context.infoFor(this).withLameDuckMode()));
	}

	/**
	 * Sends the server's current INFO, as nats-server does when the cluster's client URLs change; only to a
	 * client that {@linkplain #acceptsAsyncInfo() accepts it}. On the connection's event loop.
	 */
	public void sendAsyncInfo() {
		if (!isClosing() && acceptsAsyncInfo()) {
			send((out) -> ServerFrames.writeInfo(out, this.context.infoFor(this)));
		}
	}

	// ---- for the parts ------------------------------------------------------------------------------------------

	ClientSession session() {
		return this.session;
	}

	ClientSubscriptions subscriptions() {
		return this.subscriptions;
	}

	ClientDelivery delivery() {
		return this.delivery;
	}

	ClientLiveness liveness() {
		return this.liveness;
	}

	void unsubscribe(Subscription subscription) {
		this.subscriptions.remove(subscription, this.session.account().router());
	}

	void sendPing() {
		statistics().pingSent(System.nanoTime());
		send(ServerFrames::writePing);
	}

	void sendErr(String text) {
		send((out) -> ServerFrames.writeErr(out, text));
	}

	/** Queues a frame of the connection's own, flushed at the end of the read batch or at once outside one. */
	void send(FrameWriter writer) {
		OutboundQueue outbound = outbound();
		ByteBuf out = outbound.beginAppend();
		if (out == null) {
			return;
		}
		try {
			writer.write(out);
		}
		catch (RuntimeException ex) {
			outbound.abortAppend();
			throw ex;
		}
		outbound.endAppend();
	}

	/** Sends {@code -ERR '<text>'}, flushes it and closes, as nats-server does for closing errors. */
	void closeWithError(String text) {
		if (isClosing()) {
			return;
		}
		sendErr(text);
		closeAfterFlush("-ERR " + text);
	}

	@Override
	protected void slowConsumer(String reason) {
		this.context.slowConsumer(this);
		super.slowConsumer(reason);
	}

	@Override
	protected void released(String reason) {
		log().debug("Client connection closed: " + reason);
		this.liveness.stop();
		this.decoder.release();
		Account account = this.session.account();
		List<Subscription> held = (account != null) ? this.subscriptions.removeAll(account.router()) : List.of();
		this.context.closed(this, reason, held);
	}

	/** Writes one frame into an outbound buffer. */
	@FunctionalInterface
	interface FrameWriter {

		void write(ByteBuf out);

	}
}
