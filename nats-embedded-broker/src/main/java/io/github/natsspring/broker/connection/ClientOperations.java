package io.github.natsspring.broker.connection;

import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.auth.AuthContext;
import io.github.natsspring.broker.auth.AuthResult;
import io.github.natsspring.broker.auth.Authenticator;
import io.github.natsspring.broker.protocol.ClientOpHandler;
import io.github.natsspring.broker.protocol.ClientProtocolDecoder;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.GoQuote;
import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.github.natsspring.broker.protocol.ServerFrames;
import io.github.natsspring.broker.routing.PublishedMessage;
import io.github.natsspring.broker.routing.Subscription;
import io.github.natsspring.broker.subject.Subjects;
import io.netty.buffer.ByteBuf;

/**
 * The client protocol's operations as nats-server 2.9.10 answers them: CONNECT, PING/PONG, PUB/HPUB, SUB and
 * UNSUB, each checked, traced and acknowledged as it does. Called by the decoder on the client's event loop.
 */
final class ClientOperations implements ClientOpHandler {

	private final ClientConnection client;

	private final ClientContext context;

	private final ClientProtocolDecoder decoder;

	private final ConnectionLog log;

	private final PublishedMessage published = new PublishedMessage();

	ClientOperations(ClientConnection client, ClientContext context, ClientProtocolDecoder decoder) {
		this.client = client;
		this.context = context;
		this.decoder = decoder;
		this.log = client.log();
	}

	@Override
	public void onConnect(ConnectOptions options) {
		if (this.client.isClosing()) {
			return;
		}
		if (this.log.isTraceEnabled()) {
			this.log.trace("<<- [CONNECT " + options + "]");
		}
		AuthContext authContext = new AuthContext(options, this.client.nonce(), this.client.tlsSession(),
				this.client.channel().remoteAddress());
		Authenticator authenticator = this.context.authenticator();
		if (!authenticator.verifiesSlowly(options)) {
			completeConnect(options, authenticator.authenticate(authContext));
			return;
		}
		// nothing after this CONNECT is handled until its outcome is known
		this.client.suspendForAuthentication();
		this.context.authenticationExecutor().execute(() -> {
			Optional<AuthResult> result = authenticateOffLoop(authenticator, authContext);
			try {
				this.client.channel().eventLoop().execute(() -> {
					completeConnect(options, result);
					this.client.resumeAfterAuthentication();
				});
			}
			catch (RejectedExecutionException shuttingDown) {
				// the broker is stopping and closes the connection anyway
			}
		});
	}

	/**
	 * Checks an authenticated client again, as after a reload changed authorization: with its CONNECT, nonce and
	 * certificate as they were. A client whose credentials no longer hold is closed with
	 * {@code Authorization Violation}, and one whose user is gone is closed without an error, as nats-server
	 * does; one that still gets in takes its new permissions and loses the
	 * subscriptions they forbid, each reported with nats-server's error.
	 */
	void reauthenticate(Authenticator authenticator, BrokerAuth auth) {
		if (this.client.isClosing() || !this.client.session().isAuthenticated()) {
			return;
		}
		ConnectOptions options = this.client.session().options();
		if (userRemoved(options, auth)) {
			// nats-server takes a user that is gone for one moved to another account: closed without an error
			this.client.close("Client Closed");
			return;
		}
		AuthContext authContext = new AuthContext(options, this.client.nonce(), this.client.tlsSession(),
				this.client.channel().remoteAddress());
		if (!authenticator.verifiesSlowly(options)) {
			completeReauthentication(authenticator, options, authenticator.authenticate(authContext));
			return;
		}
		this.context.authenticationExecutor().execute(() -> {
			Optional<AuthResult> result = authenticateOffLoop(authenticator, authContext);
			try {
				this.client.channel()
					.eventLoop()
					.execute(() -> completeReauthentication(authenticator, options, result));
			}
			catch (RejectedExecutionException shuttingDown) {
				// the broker is stopping and closes the connection anyway
			}
		});
	}

	private static boolean userRemoved(ConnectOptions options, BrokerAuth auth) {
		if (options.nkey() != null && !options.nkey().isEmpty()) {
			return auth.nkeyUsers().stream().noneMatch((user) -> user.publicKey().equals(options.nkey()));
		}
		if (options.user() != null && !options.user().isEmpty()) {
			return auth.users().stream().noneMatch((user) -> user.username().equals(options.user()));
		}
		return false;
	}

	private void completeReauthentication(Authenticator authenticator, ConnectOptions options,
			Optional<AuthResult> result) {
		if (this.client.isClosing()) {
			return;
		}
		if (!this.client.session().bind(options, result, this.context.accounts())) {
			this.log.error(authenticator.refusalLogLine(options));
			this.client.closeWithError("Authorization Violation");
			return;
		}
		ClientPermissions permissions = this.client.session().permissions();
		if (permissions == null) {
			return;
		}
		for (Subscription subscription : this.client.subscriptions().snapshot()) {
			String subject = subscription.subject();
			String queue = subscription.queue();
			boolean allowed = permissions.allowsSubscribing(subject, null)
					|| (queue != null && permissions.allowsSubscribing(subject, queue));
			if (!allowed) {
				this.client.unsubscribe(subscription);
				String quotedSubject = GoQuote.quoteWire(subject);
				String quotedSid = GoQuote.quoteWire(subscription.sid());
				this.client.sendErr("Permissions Violation for Subscription to " + quotedSubject + " (sid " + quotedSid
						+ ")");
				this.log.notice("Removed sub " + quotedSubject + " (sid " + quotedSid + ") for " + authUser()
						+ " - not authorized");
			}
		}
	}

	private Optional<AuthResult> authenticateOffLoop(Authenticator authenticator, AuthContext authContext) {
		try {
			return authenticator.authenticate(authContext);
		}
		catch (RuntimeException ex) {
			this.log.error("Authentication failed: " + ex);
			return Optional.empty();
		}
	}

	private void completeConnect(ConnectOptions options, Optional<AuthResult> result) {
		if (this.client.isClosing()) {
			return;
		}
		if (!this.client.session().bind(options, result, this.context.accounts())) {
			this.log.error(this.context.authenticator().refusalLogLine(options));
			this.client.closeWithError("Authorization Violation");
			return;
		}
		try {
			options.validate();
		}
		catch (ProtocolViolation violation) {
			this.client.closeWithError(violation.errText());
			return;
		}
		this.client.session().apply(options);
		this.client.liveness().connected();
		sendOkIfVerbose();
	}

	@Override
	public void onPing() {
		if (!checkAuthenticated()) {
			return;
		}
		this.log.trace("<<- [PING]");
		this.client.send(ServerFrames::writePong);
		this.client.liveness().clientPingAnswered();
	}

	@Override
	public void onPong() {
		if (!checkAuthenticated()) {
			return;
		}
		this.log.trace("<<- [PONG]");
		this.client.liveness().pongReceived();
	}

	@Override
	public void onPub(String subject, String replyTo, ByteBuf payload) {
		publish(subject, replyTo, -1, payload);
	}

	@Override
	public void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) {
		if (!this.client.session().options().headers()) {
			// nats-server closes silently when a client that did not declare headers sends HPUB
			this.client.close("HPUB without headers support");
			return;
		}
		// an empty header block is no header at all: nats-server delivers such a message as MSG
		publish(subject, replyTo, (headerSize == 0) ? -1 : headerSize, headersAndPayload);
	}

	private void publish(String subject, String replyTo, int headerSize, ByteBuf message) {
		if (!checkAuthenticated()) {
			return;
		}
		if (this.log.isTraceEnabled()) {
			this.log.trace("<<- [" + ((headerSize < 0) ? "PUB " : "HPUB ") + subject
					+ ((replyTo != null) ? " " + replyTo : "") + ((headerSize < 0) ? "" : " " + headerSize) + " "
					+ message.readableBytes() + "]");
		}
		ConnectOptions options = this.client.session().options();
		if (options.pedantic() && !Subjects.isValidPublishSubject(subject)) {
			this.client.sendErr("Invalid Publish Subject");
		}
		this.client.statistics().messageIn(message.readableBytes());
		ClientPermissions permissions = this.client.session().permissions();
		if (ReservedSubjects.isGatewayRoutedReply(subject)
				|| (permissions != null && !permissions.allowsPublishing(subject))) {
			publishViolation(subject);
			return;
		}
		if (replyTo != null && ReservedSubjects.isReservedReply(replyTo)) {
			this.client.sendErr("Permissions Violation for Publish with Reply of " + GoQuote.quoteWire(replyTo));
			this.log.error("Publish Violation - " + authUser() + ", Reply " + GoQuote.quoteWire(replyTo));
			return;
		}
		if (options.verbose()) {
			this.client.send(ServerFrames::writeOk);
		}
		PublishedMessage toRoute = this.published;
		toRoute.fill(subject, replyTo, headerSize, (headerSize < 0) ? 0 : this.decoder.headerSizeDigits(),
				this.decoder.sizeDigits(), message);
		this.client.session().account().router().route(this.client, toRoute);
		toRoute.clearContent();
	}

	@Override
	public void onSub(String subject, String queue, String sid) {
		if (!checkAuthenticated()) {
			return;
		}
		if (this.log.isTraceEnabled()) {
			this.log.trace("<<- [SUB " + subject + ((queue != null) ? " " + queue : "") + " " + sid + "]");
		}
		// nats-server's order: permissions, then the subscription limit, then the subject itself
		ClientPermissions permissions = this.client.session().permissions();
		if (permissions != null && !permissions.allowsSubscribing(subject, queue)) {
			subscribeViolation(subject, queue, sid);
			return;
		}
		int maxSubscriptions = this.context.limits().maxSubscriptions();
		ClientSubscriptions subscriptions = this.client.subscriptions();
		if (maxSubscriptions > 0 && subscriptions.size() >= maxSubscriptions) {
			this.log.error("Maximum Subscriptions Exceeded (max=" + maxSubscriptions + ")");
			this.client.sendErr("maximum subscriptions exceeded");
			return;
		}
		if (!Subjects.isValidSubscribeSubject(subject)) {
			this.client.sendErr("Invalid Subject");
			return;
		}
		subscriptions.add(new Subscription(this.client.delivery(), subject, queue, sid),
				this.client.session().account().router());
		sendOkIfVerbose();
	}

	@Override
	public void onUnsub(String sid, long max) {
		if (!checkAuthenticated()) {
			return;
		}
		if (this.log.isTraceEnabled()) {
			this.log.trace("<<- [UNSUB " + sid + ((max >= 0) ? " " + max : "") + "]");
		}
		Subscription subscription = this.client.subscriptions().get(sid);
		if (subscription != null) {
			boolean removeNow;
			OutboundQueue outbound = this.client.outbound();
			outbound.lockState();
			try {
				removeNow = max <= 0 || subscription.delivered() >= max;
				if (!removeNow) {
					subscription.limitDeliveries(max);
				}
			}
			finally {
				outbound.unlockState();
			}
			if (removeNow) {
				this.client.unsubscribe(subscription);
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
		this.log.debug("Client error: " + message);
		this.client.close("Client sent -ERR");
	}

	private void publishViolation(String subject) {
		this.client.sendErr("Permissions Violation for Publish to " + GoQuote.quoteWire(subject));
		this.log.error("Publish Violation - " + authUser() + ", Subject " + GoQuote.quoteWire(subject));
	}

	private void subscribeViolation(String subject, String queue, String sid) {
		String quotedSubject = GoQuote.quoteWire(subject);
		if (queue == null) {
			this.client.sendErr("Permissions Violation for Subscription to " + quotedSubject);
			this.log.error("Subscription Violation - " + authUser() + ", Subject " + quotedSubject + ", SID " + sid);
		}
		else {
			String quotedQueue = GoQuote.quoteWire(queue);
			this.client.sendErr("Permissions Violation for Subscription to " + quotedSubject + " using queue "
					+ quotedQueue);
			this.log.error("Subscription Violation - " + authUser() + ", Subject " + quotedSubject + ", Queue: "
					+ quotedQueue + ", SID " + sid);
		}
	}

	/** Who the client says it is, as nats-server names it in violation log lines. */
	private String authUser() {
		ConnectOptions options = this.client.session().options();
		if (options.nkey() != null && !options.nkey().isEmpty()) {
			return "Nkey " + GoQuote.quote(options.nkey());
		}
		if (options.user() != null && !options.user().isEmpty()) {
			return "User " + GoQuote.quote(options.user());
		}
		return "User \"N/A\"";
	}

	private boolean checkAuthenticated() {
		if (this.client.isClosing()) {
			// closing after an error: nats-server parses nothing more from this client
			return false;
		}
		if (this.client.session().isAuthenticated()) {
			return true;
		}
		this.client.closeWithError("Authorization Violation");
		return false;
	}

	private void sendOkIfVerbose() {
		if (this.client.session().options().verbose()) {
			this.client.send(ServerFrames::writeOk);
		}
	}
}
