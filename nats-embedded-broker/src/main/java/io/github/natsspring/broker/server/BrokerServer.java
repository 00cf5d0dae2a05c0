package io.github.natsspring.broker.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.BrokerStatistics;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.ClientStatistics;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.PortInUseException;
import io.github.natsspring.broker.account.Accounts;
import io.github.natsspring.broker.auth.Authenticator;
import io.github.natsspring.broker.cluster.ClusterContext;
import io.github.natsspring.broker.cluster.ClusterNode;
import io.github.natsspring.broker.connection.ClientChannelHandler;
import io.github.natsspring.broker.connection.ClientConnection;
import io.github.natsspring.broker.connection.ClientContext;
import io.github.natsspring.broker.connection.ConnectionStatistics;
import io.github.natsspring.broker.inprocess.InJvmListeners;
import io.github.natsspring.broker.jetstream.JetStreamService;
import io.github.natsspring.broker.jetstream.consumer.JetStreamConsumers;
import io.github.natsspring.broker.monitor.ClosedConnections;
import io.github.natsspring.broker.monitor.MonitorServer;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.ServerInfo;
import io.github.natsspring.broker.routing.Subscription;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A running broker: the listening socket and the in-JVM listener, the event loops, the accounts and the connected clients, and the
 * context every client connection works in. Created started by {@link #start(NatsBrokerOptions)};
 * {@link #shutdown()} releases everything.
 */
public final class BrokerServer implements ClientContext, ClusterContext {

	private static final System.Logger LOG = System.getLogger(BrokerServer.class.getName());

	/** The nats-server release whose client protocol this broker implements and reports in INFO. */
	public static final String PROTOCOL_COMPATIBLE_VERSION = "2.9.10";

	/** How long a graceful shutdown waits for clients to take what is queued for them. */
	private static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Netty's pooled allocator with per-thread caches: the event loops are long-lived platform threads, which
	 * is the case it is built for (4.2's adaptive default targets virtual threads).
	 */
	private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

	/**
	 * Whether a broker of this JVM has served the warm-up client: the classes it loads and the code it runs stay
	 * loaded and compiled for every later broker, so they skip it and start in half the time.
	 */
	private static final AtomicBoolean warmedUp = new AtomicBoolean();

	/** The options in force; replaced, with the authenticator, TLS context and INFO, by a reload. */
	private volatile NatsBrokerOptions options;

	private final String serverId;

	private volatile Authenticator authenticator;

	private volatile TlsContext tls;

	private final Accounts accounts = new Accounts();

	private final Map<Long, ClientConnection> clients = new ConcurrentHashMap<>();

	private final AtomicLong clientIds = new AtomicLong();

	private final ServerCounters counters = new ServerCounters();

	private final EventLoops eventLoops;

	/** Threads for bcrypt checks, started on first use and ended when idle. */
	private final ThreadPoolExecutor authentication;

	private volatile Channel serverChannel;

	private volatile Channel inJvmChannel;

	/** INFO as sent to every TCP client, less the per-client fields; set once bound. */
	private volatile ServerInfo info;

	/** INFO as sent to every in-JVM client: the TCP listener's host and port, no TLS. */
	private volatile ServerInfo inJvmInfo;

	private volatile int port;

	private volatile boolean acceptingClients = true;

	private final Instant startTime = Instant.now();

	private volatile Instant configLoadTime = this.startTime;

	/** The recently closed connections, kept only for monitoring: {@code null} when it is off. */
	private final ClosedConnections closedConnections;

	/** The HTTP monitoring port, or {@code null} when monitoring is off. */
	private volatile MonitorServer monitor;

	/** This server as a cluster node, or {@code null} without cluster settings. */
	private volatile ClusterNode cluster;

	/** JetStream, or {@code null} when it is off. */
	private volatile JetStreamService jetStream;

	/** TLS on routes, or {@code null} for plaintext routes. */
	private volatile RouteTls routeTls;

	private BrokerServer(NatsBrokerOptions options) {
		this.options = options;
		// a reload cannot turn monitoring on, so a broker without it never needs the ring
		this.closedConnections = (options.monitoring() != null)
				? new ClosedConnections(ClosedConnections.DEFAULT_CAPACITY) : null;
		this.serverId = ServerIds.generate();
		this.authenticator = Authenticator.of(options.auth(),
				options.tls() != null && options.tls().mapClientCertificates());
		this.tls = (options.tls() != null) ? TlsContext.of(options.tls()) : null;
		this.eventLoops = EventLoops.create(this.serverId, options.ioThreads(), options.inJvmName() != null);
		this.authentication = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				new DefaultThreadFactory("nats-broker-" + this.serverId.substring(1, 7).toLowerCase() + "-auth", true));
		this.authentication.allowCoreThreadTimeOut(true);
	}

	/**
	 * Binds the configured address and in-JVM name and starts accepting clients.
	 * @param options the broker's options
	 * @return the running server
	 * @throws NatsBrokerException when the address or the in-JVM name cannot be bound, a {@link PortInUseException}
	 * when another process holds the address
	 */
	public static BrokerServer start(NatsBrokerOptions options) {
		BrokerServer server = new BrokerServer(options);
		server.bind();
		return server;
	}

	/**
	 * Reads the TLS certificate, key and CA as a start would, without starting.
	 * @param tls the settings
	 * @throws NatsBrokerException with nats-server's words when they cannot be read
	 */
	public static void checkTls(BrokerTls tls) {
		TlsContext.of(tls);
	}

	private void bind() {
		if (this.options.startupWarmUp() && !warmedUp.get()) {
			warmUp();
		}
		if (this.options.monitoring() != null) {
			startMonitoring(this.options.monitoring());
		}
		if (this.options.jetStream() != null) {
			startJetStream();
		}
		if (this.options.tcpListener()) {
			bindTcp();
		}
		if (this.options.cluster() != null) {
			startCluster();
		}
		this.info = info(this.port, true);
		this.inJvmInfo = info(this.port, false);
		if (this.options.inJvmName() != null) {
			bindInJvm(this.options.inJvmName());
		}
		if (this.serverChannel != null) {
			this.serverChannel.config().setAutoRead(true);
		}
	}

	private void bindTcp() {
		try {
			// accepting starts once the INFO that names the bound port exists (bind() turns auto-read on)
			this.serverChannel = bootstrap(this::open).option(ChannelOption.AUTO_READ, false)
				.bind(this.options.host(), this.options.port())
				.syncUninterruptibly()
				.channel();
		}
		catch (Exception ex) {
			abandonStart();
			String message = "Cannot listen for client connections on " + this.options.host() + ":"
					+ this.options.port() + ": " + ex.getMessage();
			if (isAddressInUse(ex)) {
				throw new PortInUseException(message, this.options.host(), this.options.port(), ex);
			}
			throw new NatsBrokerException(message, ex);
		}
		this.port = ((InetSocketAddress) this.serverChannel.localAddress()).getPort();
	}

	// nats-server recovers its streams before it listens for clients
	private void startJetStream() {
		try {
			this.jetStream = JetStreamService.start(this.options.jetStream(), this.accounts.global(), serverName(),
					new JetStreamConsumers());
		}
		catch (RuntimeException ex) {
			abandonStart();
			throw new NatsBrokerException("Could not start JetStream: " + ex.getMessage(), ex);
		}
	}

	private void startCluster() {
		try {
			BrokerTls clusterTls = this.options.cluster().tls();
			this.routeTls = (clusterTls != null) ? RouteTls.of(clusterTls) : null;
			this.cluster = ClusterNode.start(this.options.cluster(), this);
		}
		catch (NatsBrokerException ex) {
			closeTcpListener();
			abandonStart();
			throw ex;
		}
	}

	private void bindInJvm(String name) {
		try {
			InJvmListeners.add(name, this.eventLoops.inJvmWorkers());
		}
		catch (NatsBrokerException ex) {
			closeTcpListener();
			abandonStart();
			throw ex;
		}
		try {
			this.inJvmChannel = inJvmBootstrap().bind(InJvmListeners.address(name)).syncUninterruptibly().channel();
		}
		catch (Exception ex) {
			InJvmListeners.remove(name, this.eventLoops.inJvmWorkers());
			closeTcpListener();
			abandonStart();
			throw new NatsBrokerException("Cannot listen in-JVM as '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private void closeTcpListener() {
		closeListener(this.serverChannel, true);
	}

	// a start that fails part-way frees what it took: the monitoring listener, the threads
	private void abandonStart() {
		JetStreamService running = this.jetStream;
		if (running != null) {
			this.jetStream = null;
			running.stop();
		}
		stopMonitoring();
		ClusterNode node = this.cluster;
		if (node != null) {
			this.cluster = null;
			node.shutdown();
		}
		this.eventLoops.shutdown();
		this.authentication.shutdownNow();
	}

	// nats-server starts monitoring before it listens for clients, and cannot start without it
	private void startMonitoring(BrokerMonitoring settings) {
		try {
			this.monitor = MonitorServer.start(settings, new MonitoredBroker(this), monitoringLoop(),
					this.eventLoops.serverChannelType());
		}
		catch (Exception ex) {
			abandonStart();
			String message = "Cannot listen for monitoring connections on " + settings.host() + ":" + settings.port()
					+ ": " + ex.getMessage();
			if (isAddressInUse(ex)) {
				throw new PortInUseException(message, settings.host(), settings.port(), ex);
			}
			throw new NatsBrokerException(message, ex);
		}
	}

	/**
	 * The loop HTTP monitoring runs on: the acceptor's, which new connections barely use, so that building a
	 * response never holds up a loop that carries messages.
	 */
	EventLoopGroup monitoringLoop() {
		return this.eventLoops.acceptor();
	}

	private void stopMonitoring() {
		MonitorServer running = this.monitor;
		if (running != null) {
			this.monitor = null;
			running.stop();
		}
	}

	// NIO throws BindException; epoll a NativeIoException worded by strerror(EADDRINUSE), with no errno constant
	private static boolean isAddressInUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException || (cause instanceof IOException && cause.getMessage() != null
					&& cause.getMessage().contains("Address already in use"))) {
				return true;
			}
		}
		return false;
	}

	private ServerBootstrap bootstrap(Function<Channel, ClientConnection> opener) {
		return new ServerBootstrap().group(this.eventLoops.acceptor(), this.eventLoops.workers())
			.channel(this.eventLoops.serverChannelType())
			.option(ChannelOption.SO_BACKLOG, 1024)
			.option(ChannelOption.SO_REUSEADDR, true)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline().addLast(new ClientChannelHandler(opener));
				}
			});
	}

	// the client end of each connection runs on these loops too (InJvmClientChannel), so a request and its reply
	// can cross from client to broker and back without leaving one loop
	private ServerBootstrap inJvmBootstrap() {
		return new ServerBootstrap().group(this.eventLoops.inJvmWorkers(), this.eventLoops.inJvmWorkers())
			.channel(LocalServerChannel.class)
			.childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
			.childHandler(new ChannelInitializer<LocalChannel>() {
				@Override
				protected void initChannel(LocalChannel channel) {
					channel.pipeline().addLast(new ClientChannelHandler(BrokerServer.this::open));
				}
			});
	}

	/**
	 * Clients may connect as soon as the real port is bound: serve one scripted client on a private loopback
	 * port first, in a context of its own, so the per-client code is loaded and run by then.
	 */
	private void warmUp() {
		Channel listener = null;
		try {
			WarmUpContext context = new WarmUpContext(this.options.limits(), (warmUpPort) -> info(warmUpPort, true));
			listener = bootstrap(context::open).bind(InetAddress.getLoopbackAddress(), 0).syncUninterruptibly().channel();
			if (LoopbackWarmUp.run(((InetSocketAddress) listener.localAddress()).getPort())) {
				warmedUp.set(true);
			}
			for (ClientConnection client : context.openConnections()) {
				client.channel().closeFuture().awaitUninterruptibly(CLIENT_CLOSE_TIMEOUT.toMillis());
			}
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.DEBUG, "Warm-up listener failed: " + ex);
		}
		finally {
			if (listener != null) {
				listener.close().syncUninterruptibly();
			}
		}
	}

	private ServerInfo info(int boundPort, boolean tlsApplies) {
		boolean tlsRequired = tlsApplies && this.tls != null;
		// "go" stays out: this server is not written in Go, and clients only read the fields below
		ClusterNode node = this.cluster;
		String clusterName = (node != null) ? node.name() : null;
		List<String> connectUrls = (node != null && tlsApplies && node.advertisesClientUrls())
				? clusterConnectUrls(node) : null;
		return new ServerInfo(this.serverId, serverName(), PROTOCOL_COMPATIBLE_VERSION, 1, null, this.options.host(),
				boundPort, true, this.authenticator.isRequired(), tlsRequired, tlsRequired && this.tls.verifiesClients(),
				false,
				this.options.limits().maxPayload(), this.jetStream != null, 0, null, null, clusterName, connectUrls, false);
	}

	private List<String> clusterConnectUrls(ClusterNode node) {
		List<String> urls = new ArrayList<>(ownClientUrls());
		for (String peer : node.peerClientUrls()) {
			if (!urls.contains(peer)) {
				urls.add(peer);
			}
		}
		return urls;
	}

	private ClientConnection open(Channel channel) {
		ClientConnection client = new ClientConnection(this, this.clientIds.incrementAndGet(), channel);
		boolean overLimit = !this.acceptingClients || this.clients.size() >= this.options.limits().maxConnections();
		if (!overLimit) {
			this.clients.put(client.id(), client);
			this.counters.connectionAccepted();
		}
		client.start(overLimit);
		return client;
	}

	/**
	 * Puts new options in force as nats-server's configuration reload does, or refuses them and changes
	 * nothing: new clients get the new authorization, TLS, limits and INFO; connected clients get the new limits
	 * and logging, are checked again against changed authorization (closed with {@code Authorization Violation}
	 * when their credentials no longer hold) and lose the subscriptions their new permissions forbid; beyond a
	 * lowered {@code max_connections}, clients are closed. Logs nats-server's {@code Reloaded: …} notices.
	 * @param changed the new options
	 * @throws NatsBrokerException with nats-server's message when an option cannot change while running, or the
	 * new TLS files cannot be read
	 */
	public synchronized void reload(NatsBrokerOptions changed) {
		TlsContext newTls = (changed.tls() != null) ? TlsContext.of(changed.tls()) : null;
		boolean filesChanged = this.tls != null && newTls != null && !this.tls.sameFiles(newTls);
		int clusterBoundPort = (this.cluster != null) ? this.cluster.port() : 0;
		OptionsDiff diff = OptionsDiff.of(this.options, changed, this.port, clusterBoundPort, filesChanged);
		Authenticator newAuthenticator = diff.authChanged() || diff.tlsChanged()
				? Authenticator.of(changed.auth(), changed.tls() != null && changed.tls().mapClientCertificates())
				: this.authenticator;
		this.options = changed;
		this.configLoadTime = Instant.now();
		this.authenticator = newAuthenticator;
		this.tls = newTls;
		this.info = info(this.port, true);
		this.inJvmInfo = info(this.port, false);
		for (String notice : diff.notices()) {
			LOG.log(System.Logger.Level.INFO, notice);
		}
		for (ClientConnection client : this.clients.values()) {
			client.reloaded(changed.limits(), changed.logging(), diff.authChanged() ? newAuthenticator : null,
					changed.auth());
		}
		closeClientsBeyond(changed.limits().maxConnections());
		if (diff.pinnedCertificatesChanged()) {
			closeClientsNotPinned(changed.tls().pinnedCertificates());
		}
		LOG.log(System.Logger.Level.INFO, "Reloaded server configuration");
	}

	private void closeClientsNotPinned(Set<String> pinned) {
		if (pinned == null) {
			return;
		}
		List<ClientConnection> unpinned = this.clients.values()
			.stream()
			.filter((client) -> !client.presentsPinnedCertificate(pinned))
			.toList();
		if (!unpinned.isEmpty()) {
			LOG.log(System.Logger.Level.INFO, "Disconnect " + unpinned.size() + " clients due to pinned certs reload");
			unpinned.forEach((client) -> client.closeAsNotPinned());
		}
	}

	// nats-server closes clients of its choosing, here the newest
	private void closeClientsBeyond(int maxConnections) {
		int excess = this.clients.size() - maxConnections;
		if (excess <= 0) {
			return;
		}
		List<ClientConnection> newestFirst = new ArrayList<>(this.clients.values());
		newestFirst.sort(Comparator.comparingLong(ClientConnection::id).reversed());
		for (ClientConnection client : newestFirst.subList(0, excess)) {
			client.closeForMaxConnections();
		}
		LOG.log(System.Logger.Level.INFO, "Closed " + excess + " connections to fall within max_connections");
	}

	// ---- the client context -----------------------------------------------------------------------------------

	@Override
	public BrokerLimits limits() {
		return this.options.limits();
	}

	@Override
	public BrokerLogging logging() {
		return this.options.logging();
	}

	@Override
	public Authenticator authenticator() {
		return this.authenticator;
	}

	@Override
	public Executor authenticationExecutor() {
		return this.authentication;
	}

	@Override
	public Accounts accounts() {
		return this.accounts;
	}

	@Override
	public ChannelHandler tlsHandler(Channel channel) {
		return (this.tls != null && !(channel instanceof LocalChannel)) ? this.tls.newHandler(channel.alloc()) : null;
	}

	@Override
	public Set<String> pinnedCertificates() {
		BrokerTls current = this.options.tls();
		return (current != null) ? current.pinnedCertificates() : null;
	}

	@Override
	public ServerInfo infoFor(ClientConnection client) {
		ServerInfo base = (client.channel() instanceof LocalChannel) ? this.inJvmInfo : this.info;
		ServerInfo addressed = base.withClient(client.id(), clientIp(client.channel().remoteAddress()));
		return (client.nonce() != null) ? addressed.withNonce(client.nonce()) : addressed;
	}

	@Override
	public void slowConsumer(ClientConnection client) {
		this.counters.slowConsumer();
	}

	@Override
	public void closed(ClientConnection client, String reason, List<Subscription> subscriptions) {
		if (this.clients.remove(client.id(), client)) {
			this.counters.connectionClosed(client.statistics());
		}
		if (this.closedConnections != null) {
			this.closedConnections.add(ConnectionSnapshots.of(client, subscriptions), Instant.now(), reason);
		}
	}

	// ---- the cluster context ----------------------------------------------------------------------------------

	@Override
	public long nextConnectionId() {
		return this.clientIds.incrementAndGet();
	}

	@Override
	public EventLoopGroup acceptorLoops() {
		return this.eventLoops.acceptor();
	}

	@Override
	public EventLoopGroup workerLoops() {
		return this.eventLoops.workers();
	}

	@Override
	public Class<? extends ServerChannel> serverChannelType() {
		return this.eventLoops.serverChannelType();
	}

	@Override
	public Class<? extends Channel> socketChannelType() {
		return this.eventLoops.socketChannelType();
	}

	/**
	 * The URLs this server's clients reach it at, as nats-server lists them in {@code connect_urls}: the
	 * {@code client_advertise} address, else the listening address, or every non-loopback interface address when
	 * listening on all of them.
	 */
	@Override
	public List<String> ownClientUrls() {
		if (!this.options.tcpListener()) {
			return List.of();
		}
		String advertise = this.options.clientAdvertise();
		if (advertise != null) {
			return List.of(advertise.contains(":") && !advertise.endsWith("]") ? advertise : advertise + ":" + this.port);
		}
		String host = this.options.host();
		if (!host.equals("0.0.0.0") && !host.equals("::") && !host.isEmpty()) {
			return List.of((host.contains(":") ? "[" + host + "]" : host) + ":" + this.port);
		}
		return InterfaceAddresses.urls(this.port);
	}

	@Override
	public ChannelHandler routeTlsHandler(Channel channel, URI dialled) {
		RouteTls contexts = this.routeTls;
		if (contexts == null) {
			return null;
		}
		return (dialled != null)
				? contexts.diallingHandler(channel.alloc(), dialled.getHost(),
						(dialled.getPort() > 0) ? dialled.getPort() : BrokerCluster.DEFAULT_PORT)
				: contexts.acceptingHandler(channel.alloc());
	}

	@Override
	public void routeClosed(ConnectionStatistics statistics) {
		this.counters.connectionClosed(statistics);
	}

	@Override
	public boolean routeTlsVerifies() {
		RouteTls contexts = this.routeTls;
		return contexts != null && contexts.verifiesPeers();
	}

	@Override
	public synchronized void clusterUrlsChanged() {
		ServerInfo before = this.info;
		ServerInfo after = info(this.port, true);
		this.info = after;
		if (before != null && Objects.equals(before.connectUrls(), after.connectUrls())
				&& Objects.equals(before.cluster(), after.cluster())) {
			return;
		}
		for (ClientConnection client : this.clients.values()) {
			client.channel().eventLoop().execute(client::sendAsyncInfo);
		}
	}

	// ---- what the embedding API reads ---------------------------------------------------------------------------

	/**
	 * The port bound.
	 * @return the client port, 0 without a TCP listener
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The monitoring port bound.
	 * @return the HTTP monitoring port
	 * @throws IllegalStateException when monitoring is off
	 */
	public int monitoringPort() {
		MonitorServer running = this.monitor;
		if (running == null) {
			throw new IllegalStateException("Monitoring is not enabled");
		}
		return running.port();
	}

	/**
	 * The cluster port bound.
	 * @return the port routes connect to
	 * @throws IllegalStateException when the broker has no cluster settings
	 */
	public int clusterPort() {
		ClusterNode node = this.cluster;
		if (node == null) {
			throw new IllegalStateException("The broker is not a cluster node; configure NatsBrokerOptions.cluster");
		}
		return node.port();
	}

	/**
	 * The number of registered routes.
	 * @return the route count, 0 without cluster settings
	 */
	public int routeCount() {
		ClusterNode node = this.cluster;
		return (node != null) ? node.routeCount() : 0;
	}

	/**
	 * JetStream in this server.
	 * @return the service, or {@code null} when JetStream is off
	 */
	public JetStreamService jetStream() {
		return this.jetStream;
	}

	/**
	 * This server as a cluster node.
	 * @return the node, or {@code null} without cluster settings
	 */
	ClusterNode cluster() {
		return this.cluster;
	}

	NatsBrokerOptions options() {
		return this.options;
	}

	Instant startTime() {
		return this.startTime;
	}

	Instant configLoadTime() {
		return this.configLoadTime;
	}

	Iterable<ClientConnection> openClients() {
		return this.clients.values();
	}

	/**
	 * The recently closed connections; only with monitoring on.
	 * @return the ring
	 */
	ClosedConnections closedConnections() {
		return this.closedConnections;
	}

	/**
	 * The generated unique id of this server.
	 * @return the server id
	 */
	public String serverId() {
		return this.serverId;
	}

	/**
	 * The name in INFO.
	 * @return the configured name, else the server id
	 */
	public String serverName() {
		return (this.options.serverName() != null) ? this.options.serverName() : this.serverId;
	}

	/**
	 * A URL clients on this machine can use.
	 * @return e.g. {@code nats://127.0.0.1:4222}
	 * @throws IllegalStateException when the TCP listener is off
	 */
	public String clientUrl() {
		if (!this.options.tcpListener()) {
			throw new IllegalStateException("The broker's TCP listener is off; clients in this JVM connect to "
					+ inJvmClientUrl() + " with the data port type io.github.natsspring.broker.inprocess.InJvmDataPort");
		}
		return "nats://" + hostForUrl() + ":" + this.port;
	}

	/**
	 * The URL clients in this JVM give jnats, with the in-JVM data port, to connect without TCP.
	 * @return e.g. {@code nats://orders-broker}
	 * @throws IllegalStateException when the broker has no in-JVM listener
	 */
	public String inJvmClientUrl() {
		if (this.options.inJvmName() == null) {
			throw new IllegalStateException("The broker has no in-JVM listener; name one with inJvmName");
		}
		return InJvmListeners.url(this.options.inJvmName());
	}

	private String hostForUrl() {
		String host = this.options.host();
		if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
			return host.equals("::") ? "[::]" : "0.0.0.0";
		}
		return host.contains(":") ? "[" + host + "]" : host;
	}

	/**
	 * Whether {@link #shutdown()} ran, directly or at the end of lame-duck mode.
	 * @return {@code true} once stopped
	 */
	public boolean isStopped() {
		return this.eventLoops.isShutdown();
	}

	/**
	 * The number of connected clients.
	 * @return the connection count
	 */
	public int connectionCount() {
		return this.clients.size();
	}

	/**
	 * The number of subscriptions across all accounts.
	 * @return the subscription count
	 */
	public int subscriptionCount() {
		return this.accounts.subscriptionCount();
	}

	/**
	 * Server-wide figures: the closed connections' traffic plus that of every open one.
	 * @return a snapshot
	 */
	public BrokerStatistics statistics() {
		long inMessages = this.counters.closedInMessages();
		long inBytes = this.counters.closedInBytes();
		long outMessages = this.counters.closedOutMessages();
		long outBytes = this.counters.closedOutBytes();
		int connections = 0;
		for (ClientConnection client : this.clients.values()) {
			ConnectionStatistics statistics = client.statistics();
			inMessages += statistics.inMessages();
			inBytes += statistics.inBytes();
			outMessages += statistics.outMessages();
			outBytes += statistics.outBytes();
			connections++;
		}
		ClusterNode node = this.cluster;
		if (node != null) {
			for (ConnectionStatistics route : node.openRouteStatistics()) {
				inMessages += route.inMessages();
				inBytes += route.inBytes();
				outMessages += route.outMessages();
				outBytes += route.outBytes();
			}
		}
		return new BrokerStatistics(inMessages, inBytes, outMessages, outBytes, this.counters.slowConsumers(),
				connections, this.counters.acceptedConnections(), subscriptionCount());
	}

	/**
	 * What is known about each connected client, by client id.
	 * @return snapshots, ordered by id
	 */
	public List<ClientStatistics> clientStatistics() {
		List<ClientStatistics> all = new ArrayList<>();
		for (ClientConnection client : this.clients.values()) {
			all.add(snapshot(client));
		}
		all.sort(Comparator.comparingLong(ClientStatistics::id));
		return all;
	}

	private static ClientStatistics snapshot(ClientConnection client) {
		ConnectionStatistics statistics = client.statistics();
		ConnectOptions connect = client.connectOptions();
		SocketAddress remote = client.channel().remoteAddress();
		int remotePort = (remote instanceof InetSocketAddress inet) ? inet.getPort() : 0;
		long roundTrip = statistics.roundTripNanos();
		return new ClientStatistics(client.id(), connect.name(), connect.lang(), connect.version(), client.principal(),
				clientIp(remote), remotePort, Instant.ofEpochMilli(statistics.startMillis()),
				Instant.ofEpochMilli(statistics.lastActivityMillis()),
				(roundTrip >= 0) ? Duration.ofNanos(roundTrip) : null, statistics.inMessages(), statistics.inBytes(),
				statistics.outMessages(), statistics.outBytes(), client.pendingBytes(), client.subscriptionCount());
	}

	/**
	 * Closes every connected client after flushing what is queued for it; the listener stays open.
	 * @return the number of clients closed
	 */
	public int disconnectClients() {
		List<ClientConnection> connected = new ArrayList<>(this.clients.values());
		for (ClientConnection client : connected) {
			client.channel().eventLoop().execute(() -> client.closeAfterFlush("Kicked Connection"));
		}
		return connected.size();
	}

	// ---- lame duck and shutdown ---------------------------------------------------------------------------------

	/**
	 * Lame-duck mode as nats-server does it: stops accepting at once and tells the clients that can take
	 * asynchronous INFO; after the grace period closes clients spread over the rest of the lame-duck duration;
	 * then shuts down.
	 */
	public void enterLameDuckMode() {
		if (!this.acceptingClients) {
			return;
		}
		this.acceptingClients = false;
		LOG.log(System.Logger.Level.INFO, "Entering lame duck mode, stop accepting new clients");
		closeListeners(false);
		ClusterNode node = this.cluster;
		if (node != null) {
			node.enterLameDuckMode();
		}
		for (ClientConnection client : this.clients.values()) {
			client.channel().eventLoop().execute(() -> {
				if (client.acceptsAsyncInfo()) {
					client.sendLameDuckInfo();
				}
			});
		}
		long graceMillis = this.options.lameDuckGracePeriod().toMillis();
		this.eventLoops.acceptor().schedule(this::lameDuckCloseClients, graceMillis, TimeUnit.MILLISECONDS);
	}

	private void lameDuckCloseClients() {
		List<ClientConnection> toClose = new ArrayList<>(this.clients.values());
		long spreadMillis = Math.max(1, this.options.lameDuckDuration().toMillis()
				- this.options.lameDuckGracePeriod().toMillis());
		long interval = toClose.isEmpty() ? 0 : spreadMillis / toClose.size();
		for (int i = 0; i < toClose.size(); i++) {
			ClientConnection client = toClose.get(i);
			this.eventLoops.acceptor().schedule(
					() -> client.channel().eventLoop().execute(() -> client.closeAfterFlush("Server Shutdown")),
					interval * i, TimeUnit.MILLISECONDS);
		}
		// shutdown() waits for the event loops, so it cannot run on one of them
		this.eventLoops.acceptor().schedule(() -> new Thread(this::shutdown, "nats-broker-lame-duck-stop").start(),
				interval * toClose.size() + 100, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops accepting, flushes and closes every client, and releases the event loops and the port.
	 * Must not be called from one of this server's event loops.
	 */
	public void shutdown() {
		if (this.eventLoops.isShutdown()) {
			return;
		}
		this.acceptingClients = false;
		closeListeners(true);
		stopMonitoring();
		List<ChannelFuture> closed = new ArrayList<>();
		for (ClientConnection client : new ArrayList<>(this.clients.values())) {
			client.channel().eventLoop().execute(() -> client.closeAfterFlush("Server Shutdown"));
			closed.add(client.channel().closeFuture());
		}
		long deadline = System.nanoTime() + CLIENT_CLOSE_TIMEOUT.toNanos();
		for (ChannelFuture future : closed) {
			future.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		abandonStart();
	}

	private void closeListeners(boolean await) {
		if (this.options.inJvmName() != null) {
			InJvmListeners.remove(this.options.inJvmName(), this.eventLoops.inJvmWorkers());
		}
		closeListener(this.serverChannel, await);
		closeListener(this.inJvmChannel, await);
	}

	private static void closeListener(Channel listener, boolean await) {
		if (listener != null) {
			ChannelFuture closing = listener.close();
			if (await) {
				closing.syncUninterruptibly();
			}
		}
	}

	static String clientIp(SocketAddress address) {
		if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
			return inet.getAddress().getHostAddress();
		}
		return "";
	}
}
