package io.github.natsspring.broker.cluster;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.connection.Connection;
import io.github.natsspring.broker.connection.ConnectionStatistics;
import io.github.natsspring.broker.monitor.RouteSnapshot;
import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.github.natsspring.broker.protocol.ServerFrames;
import io.github.natsspring.broker.routing.MessageOrigin;
import io.github.natsspring.broker.routing.PublishedMessage;
import io.github.natsspring.broker.routing.Subscriber;
import io.github.natsspring.broker.routing.SubscriberKind;
import io.github.natsspring.broker.routing.Subscription;
import io.github.natsspring.broker.subject.Subjects;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * One route to another server of the cluster, as nats-server 2.9.10 runs it: the handshake (INFO at once when
 * accepted, CONNECT then INFO when dialled, registered on the peer's INFO), the peer's interest kept as route
 * subscriptions in its accounts, the messages it sends routed to local subscribers only, keepalive pings, and
 * the peer's later INFO (gossip about other servers, lame duck). Runs on its event loop, except what publishers
 * write through its {@link RouteTarget}s.
 */
final class RouteConnection extends Connection implements MessageOrigin, RouteOpHandler {

	/** nats-server's first PING on a route comes after about a second. */
	private static final long FIRST_PING_MILLIS = 1000;

	/**
	 * nats-server checks max_payload where a client publishes, not on routes, whose peers may allow more; this only
	 * bounds memory, at nats-server's hard limit.
	 */
	private static final int MAX_ROUTED_PAYLOAD = 64 * 1024 * 1024;

	private final ClusterNode cluster;

	private final RouteProtocolDecoder decoder;

	/** The URL this server dialled, or {@code null} for an accepted route. */
	private final URI solicitedUrl;

	/** Whether the URL is one of the configured routes, dialled for ever. */
	private final boolean explicit;

	private final PublishedMessage published = new PublishedMessage();

	/** The peer's interest by the argument text of its RS+ without the weight, as nats-server keys it. */
	private final Map<String, Subscription> remoteInterest = new HashMap<>();

	private final Map<String, RouteTarget> targets = new HashMap<>();

	private String[] routedQueues;

	private int routedQueueCount;

	private volatile RouteInfo peer;

	private volatile boolean registered;

	private boolean connectReceived;

	/** Set when this connection's loss must not lead to a redial (route to self, duplicate). */
	private volatile boolean noRedial;

	/** The URL a surviving duplicate took over from a closed solicited one, redialled when it is lost. */
	private volatile URI takenOverUrl;

	private volatile boolean headers;

	private ScheduledFuture<?> authTimer;

	private ScheduledFuture<?> pingTimer;

	private int pingsOut;

	RouteConnection(ClusterNode cluster, long id, Channel channel, URI solicitedUrl, boolean explicit) {
		super(id, channel, cluster.context().limits(), cluster.context().logging(), "rid");
		this.cluster = cluster;
		this.decoder = new RouteProtocolDecoder(MAX_ROUTED_PAYLOAD);
		this.solicitedUrl = solicitedUrl;
		this.explicit = explicit;
	}

	@Override
	public SubscriberKind kind() {
		return SubscriberKind.ROUTE;
	}

	/** Sends what the handshake starts with and arms the timers. */
	void start() {
		log().notice("Route connection created");
		if (this.solicitedUrl != null) {
			send((out) -> {
				this.cluster.connectFor(this.solicitedUrl).write(out);
				this.cluster.ownInfo(false).write(out, true);
			});
			log().debug("Route connect msg sent");
		}
		else {
			send((out) -> this.cluster.ownInfo(true).write(out, true));
			long timeout = this.cluster.settings().authTimeout().toMillis();
			this.authTimer = channel().eventLoop().schedule(this::authTimeout, timeout, TimeUnit.MILLISECONDS);
		}
		long firstPing = FIRST_PING_MILLIS + ThreadLocalRandom.current().nextLong(FIRST_PING_MILLIS / 5 + 1);
		this.pingTimer = channel().eventLoop().schedule(this::pingTimerFired, firstPing, TimeUnit.MILLISECONDS);
	}

	// ---- reading ------------------------------------------------------------------------------------------------

	@Override
	protected void decode(ByteBuf in) {
		try {
			this.decoder.decode(in, this);
		}
		catch (ProtocolViolation violation) {
			log().error("Route protocol error: " + violation.getMessage());
			close("Protocol Violation");
		}
	}

	@Override
	protected void pauseDecoding() {
		this.decoder.pause();
	}

	@Override
	public void onConnect(String json) throws ProtocolViolation {
		if (isClosing()) {
			return;
		}
		log().trace("<<- [CONNECT " + json + "]");
		RouteConnect connect = RouteConnect.parse(json);
		if (!this.cluster.authorizes(connect)) {
			log().error("authentication error");
			closeWithError("Authorization Violation", "Authentication Failure");
			return;
		}
		if (connect.clientLanguage() != null) {
			log().error("attempted to connect to route port");
			closeWithError("attempted to connect to route port", "Incorrect Port");
			return;
		}
		if (connect.gateway() != null) {
			String text = "Rejecting connection from gateway \"" + connect.gateway() + "\" on the Route port";
			log().error(text);
			closeWithError(text, "Wrong Gateway");
			return;
		}
		String ours = this.cluster.name();
		String theirs = (connect.cluster() != null) ? connect.cluster() : "";
		if (!theirs.equals(ours)) {
			if (this.cluster.isNameDynamic() && (!connect.dynamic() || ours.compareTo(theirs) < 0)) {
				this.cluster.adoptName(theirs, !connect.dynamic());
			}
			else {
				String text = "Rejecting connection, cluster name \"" + theirs + "\" does not match \"" + ours + "\"";
				log().error(text);
				closeWithError(text, "Cluster Name Conflict");
				return;
			}
		}
		this.connectReceived = true;
		cancel(this.authTimer);
	}

	@Override
	public void onInfo(String json) throws ProtocolViolation {
		if (isClosing()) {
			return;
		}
		log().trace("<<- [INFO " + json + "]");
		RouteInfo info = RouteInfo.parse(json);
		if (info.serverId() == null) {
			return;
		}
		if (info.serverId().equals(this.cluster.context().serverId())) {
			log().debug("Detected route to self, ignoring \"" + routeUrl(info) + "\"");
			this.noRedial = true;
			close("Duplicate Route");
			return;
		}
		String ours = this.cluster.name();
		if (info.cluster() != null && !info.cluster().isEmpty() && !info.cluster().equals(ours)) {
			if (this.cluster.isNameDynamic() && (!info.dynamic() || ours.compareTo(info.cluster()) < 0)) {
				this.cluster.adoptName(info.cluster(), !info.dynamic());
			}
			else {
				close("Cluster Name Conflict");
				return;
			}
		}
		RouteInfo known = this.peer;
		if (known != null) {
			if (!known.serverId().equals(info.serverId())) {
				this.cluster.implicitRoute(info);
			}
			else {
				this.peer = info;
				this.cluster.peerUpdated();
			}
			return;
		}
		if (this.solicitedUrl == null && !this.connectReceived) {
			return;
		}
		if (this.solicitedUrl == null && info.serverName() != null
				&& info.serverName().equals(this.cluster.context().serverName())) {
			log().error("Remote server has a duplicate name: \"" + info.serverName() + "\"");
			close("Duplicate Server Name");
			return;
		}
		this.peer = info;
		this.headers = info.headers();
		if (!this.cluster.register(this, info)) {
			log().debug("Detected duplicate remote route \"" + info.serverId() + "\"");
			this.noRedial = true;
			close("Duplicate Route");
			return;
		}
		this.registered = true;
	}

	@Override
	public void onPing() {
		log().trace("<<- [PING]");
		send(ServerFrames::writePong);
	}

	@Override
	public void onPong() {
		log().trace("<<- [PONG]");
		this.pingsOut = 0;
		statistics().pongReceived(System.nanoTime());
	}

	@Override
	public void onErr(String text) {
		log().error("Route Error " + text);
	}

	@Override
	public void onSub(String account, String subject, String queue, int weight) {
		if (!this.registered) {
			return;
		}
		if (log().isTraceEnabled()) {
			log().trace("<<- [RS+ " + account + " " + subject + ((queue != null) ? " " + queue + " " + weight : "") + "]");
		}
		Account found = this.cluster.context().accounts().find(account);
		if (found == null) {
			log().debug("Unknown account \"" + account + "\" for remote subject \"" + subject + "\"");
			return;
		}
		if (!Subjects.isValidSubscribeSubject(subject)) {
			return;
		}
		String key = interestKey(account, subject, queue);
		Subscription existing = this.remoteInterest.get(key);
		if (existing != null) {
			existing.setWeight(weight);
			return;
		}
		Subscription subscription = new Subscription(target(account), subject, queue, key);
		subscription.setWeight(weight);
		this.remoteInterest.put(key, subscription);
		found.router().subscribe(subscription);
	}

	@Override
	public void onUnsub(String account, String subject, String queue) {
		if (!this.registered) {
			return;
		}
		if (log().isTraceEnabled()) {
			log().trace("<<- [RS- " + account + " " + subject + ((queue != null) ? " " + queue : "") + "]");
		}
		Subscription removed = this.remoteInterest.remove(interestKey(account, subject, queue));
		Account found = this.cluster.context().accounts().find(account);
		if (removed != null && found != null) {
			found.router().unsubscribe(removed);
		}
	}

	@Override
	public void onMsg(String account, String subject, String replyTo, String[] queues, int queueCount,
			int headerSize, ByteBuf content) {
		if (!this.registered) {
			return;
		}
		if (log().isTraceEnabled()) {
			log().trace("<<- [" + ((headerSize < 0) ? "RMSG " : "HMSG ") + account + " " + subject
					+ ((replyTo != null) ? " " + replyTo : "") + " " + content.readableBytes() + "]");
		}
		statistics().messageIn(content.readableBytes());
		Account found = this.cluster.context().accounts().find(account);
		if (found == null) {
			return;
		}
		this.routedQueues = queues;
		this.routedQueueCount = queueCount;
		PublishedMessage message = this.published;
		message.fill(subject, replyTo, headerSize, 0, 0, content);
		found.router().route(this, message);
		message.clearContent();
		this.routedQueueCount = 0;
	}

	private static String interestKey(String account, String subject, String queue) {
		return (queue != null) ? account + " " + subject + " " + queue : account + " " + subject;
	}

	private RouteTarget target(String account) {
		return this.targets.computeIfAbsent(account, (name) -> new RouteTarget(this, name));
	}

	// ---- as the origin of routed messages -----------------------------------------------------------------------

	@Override
	public Subscriber self() {
		return null;
	}

	@Override
	public boolean echo() {
		return false;
	}

	@Override
	public boolean wantsNoResponders() {
		return false;
	}

	@Override
	public void answerNoResponders(Subscription replySubscription, PublishedMessage request) {
		// the publisher's own server answers no-responders
	}

	@Override
	public boolean admitsQueueGroup(String queue) {
		for (int i = 0; i < this.routedQueueCount; i++) {
			if (this.routedQueues[i].equals(queue)) {
				return true;
			}
		}
		return false;
	}

	// ---- writing ------------------------------------------------------------------------------------------------

	/** Writes a message for the peer; any thread. */
	void forward(byte[] account, PublishedMessage message, byte[][] queues, int queueCount) {
		ByteBuf out = beginAppend();
		if (out == null) {
			return;
		}
		try {
			int size = RouteFrames.writeMessage(out, account, message, queues, queueCount, this.headers);
			statistics().messageOut(size);
		}
		catch (RuntimeException ex) {
			abortAppend();
			throw ex;
		}
		endAppend();
	}

	/** Queues one frame of the route's own; any thread. */
	void send(FrameWriter writer) {
		ByteBuf out = beginAppend();
		if (out == null) {
			return;
		}
		try {
			writer.write(out);
		}
		catch (RuntimeException ex) {
			abortAppend();
			throw ex;
		}
		endAppend();
	}

	private void closeWithError(String text, String reason) {
		send((out) -> ServerFrames.writeErr(out, text));
		closeAfterFlush(reason);
	}

	// ---- liveness -----------------------------------------------------------------------------------------------

	private void authTimeout() {
		if (!this.connectReceived && !isClosed()) {
			log().error("Authentication Timeout");
			closeWithError("Authentication Timeout", "Authentication Timeout");
		}
	}

	private void pingTimerFired() {
		if (isClosed()) {
			return;
		}
		if (this.pingsOut + 1 > limits().maxPingsOut()) {
			log().debug("Stale Client Connection - Closing");
			closeWithError("Stale Connection", "Stale Connection");
			return;
		}
		this.pingsOut++;
		log().trace("->> [PING]");
		statistics().pingSent(System.nanoTime());
		send(ServerFrames::writePing);
		this.pingTimer = channel().eventLoop().schedule(this::pingTimerFired, limits().pingInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private static void cancel(ScheduledFuture<?> timer) {
		if (timer != null) {
			timer.cancel(false);
		}
	}

	// ---- closing ------------------------------------------------------------------------------------------------

	@Override
	protected void released(String reason) {
		log().notice("Router connection closed: " + reason);
		cancel(this.authTimer);
		cancel(this.pingTimer);
		this.decoder.release();
		removeRemoteInterest();
		this.cluster.closed(this);
	}

	private void removeRemoteInterest() {
		Map<String, List<Subscription>> byAccount = new HashMap<>();
		for (Subscription subscription : this.remoteInterest.values()) {
			String account = subscription.sid().substring(0, subscription.sid().indexOf(' '));
			byAccount.computeIfAbsent(account, (name) -> new ArrayList<>()).add(subscription);
		}
		this.remoteInterest.clear();
		byAccount.forEach((name, subscriptions) -> {
			Account account = this.cluster.context().accounts().find(name);
			if (account != null) {
				log().debug("Removing " + subscriptions.size() + " subscriptions for account \"" + name + "\"");
				account.router().unsubscribeAll(subscriptions);
			}
		});
	}

	// ---- what the cluster asks ----------------------------------------------------------------------------------

	RouteInfo peer() {
		return this.peer;
	}

	URI solicitedUrl() {
		return (this.solicitedUrl != null) ? this.solicitedUrl : this.takenOverUrl;
	}

	boolean isExplicit() {
		return this.explicit;
	}

	boolean mayRedial() {
		return !this.noRedial;
	}

	void takeOver(URI url) {
		this.takenOverUrl = url;
	}

	boolean didSolicit() {
		return this.solicitedUrl != null;
	}

	/** What {@code /routez} shows of this route; on its event loop. */
	RouteSnapshot snapshot() {
		ConnectionStatistics statistics = statistics();
		InetSocketAddress remote = (InetSocketAddress) channel().remoteAddress();
		List<String> subjects = new ArrayList<>();
		for (Subscription subscription : this.remoteInterest.values()) {
			subjects.add(subscription.subject());
		}
		long roundTrip = statistics.roundTripNanos();
		RouteInfo info = this.peer;
		return new RouteSnapshot(id(), (info != null) ? info.serverId() : "", didSolicit(), this.explicit,
				(remote != null) ? remote.getAddress().getHostAddress() : "", (remote != null) ? remote.getPort() : 0,
				Instant.ofEpochMilli(statistics.startMillis()), Instant.ofEpochMilli(statistics.lastActivityMillis()),
				(roundTrip >= 0) ? Duration.ofNanos(roundTrip) : null, pendingBytes(), statistics.inMessages(),
				statistics.outMessages(), statistics.inBytes(), statistics.outBytes(), subjects);
	}

	/** The route URL a peer's INFO points at: its {@code ip} when given, else its TCP address and INFO port. */
	String routeUrl(RouteInfo info) {
		if (info.ip() != null && !info.ip().isEmpty()) {
			return info.ip();
		}
		String host = (channel().remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null)
				? inet.getAddress().getHostAddress() : info.host();
		return "nats-route://" + host + ":" + info.port() + "/";
	}

	/** Writes one frame into an outbound buffer. */
	@FunctionalInterface
	interface FrameWriter {

		void write(ByteBuf out);

	}
}
