package io.github.natsspring.broker.cluster;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.PortInUseException;
import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.auth.Nonces;
import io.github.natsspring.broker.auth.PasswordMatcher;
import io.github.natsspring.broker.connection.ConnectionStatistics;
import io.github.natsspring.broker.monitor.RouteSnapshot;
import io.github.natsspring.broker.routing.InterestListener;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;

/**
 * This server as a node of a nats-server 2.9.10 cluster: the cluster port, the routes it dials (configured ones
 * for ever, once a second; gossiped ones with {@code connect_retries}), the registered routes by server id, the
 * local interest they are told about, gossip of new peers, and the peers' client URLs for this server's
 * clients. Created started by {@link #start}; {@link #shutdown()} closes every route.
 */
public final class ClusterNode {

	private static final System.Logger LOG = System.getLogger(ClusterNode.class.getName());

	/** nats-server redials a lost route after a second, plus up to this much, so peers do not dial in step. */
	private static final long REDIAL_JITTER_MILLIS = 100;

	private static final long RETRY_MILLIS = 1000;

	/** nats-server reports a failed first connection at the first attempt and then once in this many. */
	private static final int CONNECT_ERROR_REPORTS = 3600;

	private static final char[] NAME_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private final BrokerCluster settings;

	private final ClusterContext context;

	private final LocalInterest interest = new LocalInterest();

	private final Map<Account, InterestListener> interestListeners = new ConcurrentHashMap<>();

	/** The registered routes by peer server id, in registration order; guarded by this node. */
	private final Map<String, RouteConnection> routes = new LinkedHashMap<>();

	private final Set<RouteConnection> open = ConcurrentHashMap.newKeySet();

	private volatile String name;

	private volatile boolean nameDynamic;

	private volatile Channel listener;

	private volatile int port;

	private volatile boolean stopped;

	private volatile boolean lameDuck;

	/** Set once a peer offered client URLs: nats-server's clients see connect_urls only from then on. */
	private volatile boolean peerUrlsSeen;

	private ClusterNode(BrokerCluster settings, ClusterContext context) {
		this.settings = settings;
		this.context = context;
		this.nameDynamic = settings.name() == null;
		this.name = this.nameDynamic ? generatedName() : settings.name();
	}

	/**
	 * Binds the cluster port, starts counting local interest and dials the configured routes.
	 * @param settings the cluster settings
	 * @param context the server the node belongs to
	 * @return the running node
	 * @throws NatsBrokerException when the cluster port cannot be bound, a {@link PortInUseException} when another
	 * process holds it
	 */
	public static ClusterNode start(BrokerCluster settings, ClusterContext context) {
		ClusterNode node = new ClusterNode(settings, context);
		node.bind();
		for (Account account : context.accounts().all()) {
			InterestListener listener = node.interest.listenerFor(account.name());
			node.interestListeners.put(account, listener);
			account.router().addInterestListener(listener);
		}
		LOG.log(System.Logger.Level.INFO, "Cluster name is " + node.name);
		LOG.log(System.Logger.Level.INFO, "Listening for route connections on " + hostPort(settings.host(), node.port));
		for (URI route : settings.routes()) {
			if (node.isSelf(route)) {
				LOG.log(System.Logger.Level.DEBUG, "Detected route to self, ignoring \"" + route + "\"");
				continue;
			}
			node.dial(route, true, 1, false);
		}
		return node;
	}

	private void bind() {
		try {
			this.listener = new ServerBootstrap().group(this.context.acceptorLoops(), this.context.workerLoops())
				.channel(this.context.serverChannelType())
				.option(ChannelOption.SO_BACKLOG, 128)
				.option(ChannelOption.SO_REUSEADDR, true)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
				.childHandler(new ChannelInitializer<Channel>() {
					@Override
					protected void initChannel(Channel channel) {
						ChannelHandler tls = ClusterNode.this.context.routeTlsHandler(channel, null);
						if (tls != null) {
							channel.pipeline().addLast("tls", tls);
						}
						channel.pipeline().addLast(new RouteChannelHandler(ClusterNode.this::openAccepted));
					}
				})
				.bind(this.settings.host(), this.settings.port())
				.syncUninterruptibly()
				.channel();
		}
		catch (Exception ex) {
			String message = "Cannot listen for route connections on " + this.settings.host() + ":"
					+ this.settings.port() + ": " + ex.getMessage();
			if (isAddressInUse(ex)) {
				throw new PortInUseException(message, this.settings.host(), this.settings.port(), ex);
			}
			throw new NatsBrokerException(message, ex);
		}
		this.port = ((InetSocketAddress) this.listener.localAddress()).getPort();
	}

	// NIO throws BindException; epoll an IOException worded by strerror(EADDRINUSE)
	private static boolean isAddressInUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
				return true;
			}
		}
		return false;
	}

	private RouteConnection openAccepted(Channel channel) {
		RouteConnection route = new RouteConnection(this, this.context.nextConnectionId(), channel, null, false);
		this.open.add(route);
		route.start();
		if (this.stopped) {
			route.close("Server Shutdown");
		}
		return route;
	}

	private RouteConnection openSolicited(Channel channel, URI url, boolean explicit) {
		RouteConnection route = new RouteConnection(this, this.context.nextConnectionId(), channel, url, explicit);
		this.open.add(route);
		route.start();
		if (this.stopped) {
			route.close("Server Shutdown");
		}
		return route;
	}

	// ---- dialling -----------------------------------------------------------------------------------------------

	private void dial(URI url, boolean explicit, int attempt, boolean reconnect) {
		if (this.stopped) {
			return;
		}
		String host = url.getHost();
		int routePort = (url.getPort() > 0) ? url.getPort() : BrokerCluster.DEFAULT_PORT;
		LOG.log(System.Logger.Level.DEBUG, "Trying to connect to route on " + hostPort(host, routePort) + " ("
				+ hostPort(host, routePort) + ")");
		new Bootstrap().group(this.context.workerLoops())
			.channel(this.context.socketChannelType())
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
			.handler(new ChannelInitializer<Channel>() {
				@Override
				protected void initChannel(Channel channel) {
					ChannelHandler tls = ClusterNode.this.context.routeTlsHandler(channel, url);
					if (tls != null) {
						channel.pipeline().addLast("tls", tls);
					}
					channel.pipeline()
						.addLast(new RouteChannelHandler((active) -> openSolicited(active, url, explicit)));
				}
			})
			.connect(host, routePort)
			.addListener((ChannelFuture connected) -> {
				if (connected.isSuccess() || this.stopped) {
					return;
				}
				Throwable cause = connected.cause();
				boolean report = attempt == 1 || reconnect || attempt % CONNECT_ERROR_REPORTS == 0;
				LOG.log(report ? System.Logger.Level.ERROR : System.Logger.Level.DEBUG,
						"Error trying to connect to route (attempt " + attempt + "): "
								+ ((cause != null) ? cause.getMessage() : "unknown"));
				if (explicit || attempt <= this.settings.connectRetries()) {
					schedule(() -> dial(url, explicit, attempt + 1, reconnect), RETRY_MILLIS);
				}
			});
	}

	private void schedule(Runnable task, long millis) {
		if (!this.stopped) {
			this.context.acceptorLoops().schedule(task, millis, TimeUnit.MILLISECONDS);
		}
	}

	/** Whether a route URL points at this node's own cluster port. */
	private boolean isSelf(URI url) {
		int routePort = (url.getPort() > 0) ? url.getPort() : BrokerCluster.DEFAULT_PORT;
		if (routePort != this.port || url.getHost() == null) {
			return false;
		}
		try {
			InetAddress address = InetAddress.getByName(url.getHost());
			return address.isLoopbackAddress() || address.isAnyLocalAddress()
					|| NetworkInterface.getByInetAddress(address) != null;
		}
		catch (UnknownHostException | SocketException ex) {
			return false;
		}
	}

	private boolean isConfigured(URI url) {
		for (URI configured : this.settings.routes()) {
			if (sameAddress(configured, url)) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameAddress(URI a, URI b) {
		if (a.getPort() != b.getPort() || a.getHost() == null || b.getHost() == null) {
			return false;
		}
		try {
			return InetAddress.getByName(a.getHost()).equals(InetAddress.getByName(b.getHost()));
		}
		catch (UnknownHostException ex) {
			return a.getHost().equalsIgnoreCase(b.getHost());
		}
	}

	// ---- what routes ask ----------------------------------------------------------------------------------------

	ClusterContext context() {
		return this.context;
	}

	BrokerCluster settings() {
		return this.settings;
	}

	/**
	 * The cluster's name: the configured one, or a generated one until a peer's is adopted.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	boolean isNameDynamic() {
		return this.nameDynamic;
	}

	/**
	 * Takes a peer's cluster name and, as nats-server does, drops every other route, made under the old name.
	 * @param adopted the peer's name
	 * @param fixed whether the peer's name is configured, so that this node's is no longer dynamic
	 * @param except the route the name came from
	 */
	void adoptName(String adopted, boolean fixed, RouteConnection except) {
		LOG.log(System.Logger.Level.INFO, "Cluster name updated to " + adopted);
		this.name = adopted;
		if (fixed) {
			this.nameDynamic = false;
		}
		for (RouteConnection route : new ArrayList<>(this.open)) {
			if (route != except) {
				route.channel().eventLoop().execute(() -> route.close("Cluster Name Conflict"));
			}
		}
		this.context.clusterUrlsChanged();
	}

	/** This server's route INFO, with a nonce in the first one sent on an accepted route. */
	RouteInfo ownInfo(boolean withNonce) {
		String host = this.settings.host();
		int infoPort = this.port;
		String ip = null;
		if (this.settings.advertise() != null) {
			URI advertised = URI.create("nats-route://" + this.settings.advertise());
			host = advertised.getHost();
			infoPort = (advertised.getPort() > 0) ? advertised.getPort() : this.port;
			ip = "nats-route://" + hostPort(host, infoPort) + "/";
		}
		List<String> urls = this.settings.noAdvertise() ? List.of() : this.context.ownClientUrls();
		boolean tls = this.settings.tls() != null;
		return new RouteInfo(this.context.serverId(), this.context.serverName(),
				NatsBroker.PROTOCOL_COMPATIBLE_VERSION, host, infoPort, true,
				this.settings.username() != null, tls, tls && this.context.routeTlsVerifies(),
				this.context.limits().maxPayload(), ip,
				withNonce ? Nonces.generate() : null, this.name, this.nameDynamic, urls, this.lameDuck);
	}

	/** The CONNECT sent on a dialled route, with the credentials of the route URL. */
	RouteConnect connectFor(URI url) {
		String user = null;
		String pass = null;
		String userInfo = url.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			user = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			pass = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
		}
		return new RouteConnect(user, pass, this.settings.tls() != null, true, this.context.serverId(), this.name,
				this.nameDynamic, null, null);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/** Whether an accepted route's CONNECT carries the credentials the cluster requires. */
	boolean authorizes(RouteConnect connect) {
		if (this.settings.username() == null) {
			return true;
		}
		return this.settings.username().equals(connect.user())
				&& PasswordMatcher.matches(this.settings.password(), connect.pass());
	}

	/**
	 * Registers a route whose peer's INFO arrived: sends it the local interest and forwards the peer's INFO to the
	 * other routes (gossip).
	 * @return {@code false} when a route to that server is registered already
	 */
	boolean register(RouteConnection route, RouteInfo info) {
		List<RouteConnection> others;
		synchronized (this) {
			RouteConnection existing = this.routes.get(info.serverId());
			if (existing != null) {
				if (route.didSolicit() && existing.solicitedUrl() == null) {
					existing.takeOver(route.solicitedUrl());
				}
				return false;
			}
			this.routes.put(info.serverId(), route);
			others = new ArrayList<>(this.routes.values());
		}
		others.remove(route);
		route.log().debug("Registering remote route \"" + info.serverId() + "\"");
		this.interest.attach(route);
		route.log().debug("Sent local subscriptions to route");
		if (!others.isEmpty()) {
			RouteInfo gossip = info.forGossip(route.routeUrl(info));
			for (RouteConnection other : others) {
				other.send((out) -> gossip.write(out, false));
			}
		}
		if (!info.connectUrls().isEmpty() && !this.settings.noAdvertise()) {
			this.peerUrlsSeen = true;
			this.context.clusterUrlsChanged();
		}
		return true;
	}

	/** A registered peer sent a new INFO of its own: lame duck, or other client URLs. */
	void peerUpdated() {
		if (!this.settings.noAdvertise()) {
			this.context.clusterUrlsChanged();
		}
	}

	/** A peer told of another server: dial it unless connected, configured, or this server. */
	void implicitRoute(RouteInfo info) {
		if (this.stopped || info.serverId().equals(this.context.serverId()) || info.ip() == null) {
			return;
		}
		synchronized (this) {
			if (this.routes.containsKey(info.serverId())) {
				return;
			}
		}
		URI url;
		try {
			url = URI.create(info.ip());
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		if (isConfigured(url)) {
			return;
		}
		if (info.authRequired() && this.settings.username() != null) {
			// as nats-server does: a gossiped peer that requires credentials is given this server's own
			try {
				url = new URI(url.getScheme(), this.settings.username() + ":" + this.settings.password(), url.getHost(),
						url.getPort(), url.getPath(), null, null);
			}
			catch (URISyntaxException ex) {
				return;
			}
		}
		dial(url, false, 1, false);
	}

	/** A route closed: forget its peer and redial it when it was dialled and may be. */
	void closed(RouteConnection route) {
		if (this.open.remove(route)) {
			this.context.routeClosed(route.statistics());
		}
		RouteInfo peer = route.peer();
		boolean stillConnected = false;
		boolean removed = false;
		synchronized (this) {
			if (peer != null) {
				removed = this.routes.remove(peer.serverId(), route);
				stillConnected = this.routes.containsKey(peer.serverId());
			}
		}
		if (removed) {
			this.interest.detach(route);
			if (!peer.connectUrls().isEmpty() && !this.settings.noAdvertise()) {
				this.context.clusterUrlsChanged();
			}
		}
		URI url = route.solicitedUrl();
		if (url == null || this.stopped || stillConnected || !route.mayRedial()) {
			return;
		}
		// a gossiped route is redialled too, with its connect_retries; a configured one for ever
		boolean explicit = route.isExplicit() || !route.didSolicit();
		LOG.log(System.Logger.Level.DEBUG, "Attempting reconnect for solicited route \"" + url + "\"");
		schedule(() -> dial(url, explicit, 1, true),
				RETRY_MILLIS + ThreadLocalRandom.current().nextLong(REDIAL_JITTER_MILLIS + 1));
	}

	// ---- what the server reads ----------------------------------------------------------------------------------

	/**
	 * The cluster port bound.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The figures of every open route, for the server's traffic totals.
	 * @return the statistics, read as they are now
	 */
	public List<ConnectionStatistics> openRouteStatistics() {
		List<ConnectionStatistics> all = new ArrayList<>();
		for (RouteConnection route : this.open) {
			all.add(route.statistics());
		}
		return all;
	}

	/**
	 * The number of registered routes.
	 * @return the route count
	 */
	public synchronized int routeCount() {
		return this.routes.size();
	}

	/**
	 * Whether clients are to get {@code connect_urls}: nats-server sends them (its own first) once a peer offered
	 * client URLs, and goes on sending at least its own after that peer left.
	 * @return {@code true} once a peer's client URLs were seen, unless {@code noAdvertise}
	 */
	public boolean advertisesClientUrls() {
		return this.peerUrlsSeen && !this.settings.noAdvertise();
	}

	/**
	 * The client URLs of the routed peers, for this server's clients; none with {@code noAdvertise}, and none of
	 * a peer in lame duck mode.
	 * @return {@code host:port} entries in the order the peers registered, without repeats
	 */
	public synchronized List<String> peerClientUrls() {
		if (this.settings.noAdvertise()) {
			return List.of();
		}
		Set<String> urls = new LinkedHashSet<>();
		for (RouteConnection route : this.routes.values()) {
			RouteInfo peer = route.peer();
			if (peer != null && !peer.lameDuck()) {
				urls.addAll(peer.connectUrls());
			}
		}
		return new ArrayList<>(urls);
	}

	/**
	 * Tells every route this server is in lame duck mode, so that peers stop offering its URLs to their clients.
	 */
	public void enterLameDuckMode() {
		this.lameDuck = true;
		RouteInfo info = ownInfo(false);
		for (RouteConnection route : registered()) {
			route.send((out) -> info.write(out, true));
		}
	}

	/**
	 * What {@code /routez} shows of each registered route, each taken on the route's event loop.
	 * @return the routes by id
	 */
	public CompletableFuture<List<RouteSnapshot>> routeSnapshots() {
		List<CompletableFuture<RouteSnapshot>> futures = new ArrayList<>();
		for (RouteConnection route : registered()) {
			futures.add(CompletableFuture.supplyAsync(route::snapshot, route.channel().eventLoop()));
		}
		return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			List<RouteSnapshot> snapshots = new ArrayList<>();
			futures.forEach((future) -> snapshots.add(future.join()));
			snapshots.sort(Comparator.comparingLong(RouteSnapshot::rid));
			return snapshots;
		});
	}

	synchronized List<RouteConnection> registered() {
		return new ArrayList<>(this.routes.values());
	}

	/**
	 * Stops dialling, closes the cluster port and every route after flushing it; waits a bounded time.
	 */
	public void shutdown() {
		this.stopped = true;
		if (this.listener != null) {
			this.listener.close().syncUninterruptibly();
		}
		List<ChannelFuture> closing = new ArrayList<>();
		for (RouteConnection route : new ArrayList<>(this.open)) {
			route.channel().eventLoop().execute(() -> route.closeAfterFlush("Server Shutdown"));
			closing.add(route.channel().closeFuture());
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		for (ChannelFuture future : closing) {
			future.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		this.interestListeners.forEach((account, listener) -> account.router().removeInterestListener(listener));
		this.interestListeners.clear();
	}

	private static String hostPort(String host, int port) {
		return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
	}

	private static String generatedName() {
		SecureRandom random = new SecureRandom();
		char[] chars = new char[22];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = NAME_ALPHABET[random.nextInt(NAME_ALPHABET.length)];
		}
		return new String(chars);
	}
}
