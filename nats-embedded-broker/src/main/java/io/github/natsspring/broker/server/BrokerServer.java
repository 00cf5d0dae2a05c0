package io.github.natsspring.broker.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.auth.Authenticator;
import io.github.natsspring.broker.protocol.ServerInfo;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;

/**
 * A running broker: the listening socket, the event loops, the connected clients and the router.
 * Created started by {@link #start(NatsBrokerOptions)}; {@link #shutdown()} releases everything.
 */
public final class BrokerServer {

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

	private final NatsBrokerOptions options;

	private final String serverId;

	private final Authenticator authenticator;

	private final MessageRouter router = new MessageRouter();

	private final Map<Long, ClientConnection> clients = new ConcurrentHashMap<>();

	private final AtomicLong clientIds = new AtomicLong();

	private final EventLoops eventLoops;

	private volatile Channel serverChannel;

	/** INFO as sent to every client, less the per-client fields; set once bound. */
	private volatile ServerInfo info;

	private volatile int port;

	private volatile boolean acceptingClients = true;

	private BrokerServer(NatsBrokerOptions options) {
		this.options = options;
		this.serverId = ServerIds.generate();
		this.authenticator = Authenticator.of(options.auth());
		this.eventLoops = EventLoops.create(this.serverId);
	}

	/**
	 * Binds the configured address and starts accepting clients.
	 * @throws NatsBrokerException when the address cannot be bound
	 */
	public static BrokerServer start(NatsBrokerOptions options) {
		BrokerServer server = new BrokerServer(options);
		server.bind();
		return server;
	}

	private void bind() {
		// Clients may connect as soon as the port is bound: have the protocol code loaded by then.
		StartupWarmUp.run(info(this.options.port()), ALLOCATOR, this.eventLoops.socketChannelType());
		BrokerLimits limits = this.options.limits();
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.eventLoops.acceptor(), this.eventLoops.workers())
			.channel(this.eventLoops.serverChannelType())
			.option(ChannelOption.SO_BACKLOG, 1024)
			.option(ChannelOption.SO_REUSEADDR, true)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
			.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
					new WriteBufferWaterMark((int) Math.min(limits.maxPending() / 2, 1 << 20),
							(int) Math.min(limits.maxPending(), 4 << 20)))
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline().addLast(new ClientChannelHandler(BrokerServer.this));
				}
			});
		try {
			this.serverChannel = bootstrap.bind(this.options.host(), this.options.port()).syncUninterruptibly().channel();
		}
		catch (Exception ex) {
			this.eventLoops.shutdown();
			throw new NatsBrokerException("Cannot listen for client connections on " + this.options.host() + ":"
					+ this.options.port() + ": " + ex.getMessage(), ex);
		}
		this.port = ((InetSocketAddress) this.serverChannel.localAddress()).getPort();
		this.info = info(this.port);
	}

	private ServerInfo info(int boundPort) {
		// "go" stays out: this server is not written in Go, and clients only read the fields below
		return new ServerInfo(this.serverId, serverName(), PROTOCOL_COMPATIBLE_VERSION, 1, null, this.options.host(),
				boundPort, true, this.authenticator.isRequired(), false, false, false,
				this.options.limits().maxPayload(), false, 0, null, null, null, null, false);
	}

	/** The port bound. */
	public int port() {
		return this.port;
	}

	/** The generated unique id of this server. */
	public String serverId() {
		return this.serverId;
	}

	/** The name in INFO: the configured one, else the server id. */
	public String serverName() {
		return this.options.serverName() != null ? this.options.serverName() : this.serverId;
	}

	/** A URL clients on this machine can use. */
	public String clientUrl() {
		return "nats://" + hostForUrl() + ":" + this.port;
	}

	private String hostForUrl() {
		String host = this.options.host();
		if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
			return host.equals("::") ? "[::]" : "0.0.0.0";
		}
		return host.contains(":") ? "[" + host + "]" : host;
	}

	/** Whether {@link #shutdown()} ran, directly or at the end of lame-duck mode. */
	public boolean isStopped() {
		return this.eventLoops.isShutdown();
	}

	/** Number of connected clients. */
	public int connectionCount() {
		return this.clients.size();
	}

	/** Number of subscriptions across all clients. */
	public int subscriptionCount() {
		return this.router.subscriptionCount();
	}

	BrokerLimits limits() {
		return this.options.limits();
	}

	BrokerLogging logging() {
		return this.options.logging();
	}

	Authenticator authenticator() {
		return this.authenticator;
	}

	MessageRouter router() {
		return this.router;
	}

	ClientConnection register(Channel channel) {
		ClientConnection client = new ClientConnection(this, this.clientIds.incrementAndGet(), channel);
		boolean overLimit = !this.acceptingClients || this.clients.size() >= this.options.limits().maxConnections();
		if (!overLimit) {
			this.clients.put(client.id(), client);
		}
		client.start(overLimit);
		return client;
	}

	void unregister(ClientConnection client) {
		this.clients.remove(client.id(), client);
	}

	ServerInfo infoFor(ClientConnection client) {
		return this.info.withClient(client.id(), clientIp(client.channel().remoteAddress()));
	}

	/**
	 * Lame-duck mode: stops accepting at once; after the grace period tells clients and closes them spread
	 * over the lame-duck duration; then shuts down.
	 */
	public void enterLameDuckMode() {
		if (!this.acceptingClients) {
			return;
		}
		this.acceptingClients = false;
		LOG.log(System.Logger.Level.INFO, "Entering lame duck mode, stop accepting new clients");
		this.serverChannel.close();
		long graceMillis = this.options.lameDuckGracePeriod().toMillis();
		this.eventLoops.acceptor().schedule(this::lameDuckCloseClients, graceMillis, TimeUnit.MILLISECONDS);
	}

	private void lameDuckCloseClients() {
		List<ClientConnection> toClose = new ArrayList<>(this.clients.values());
		for (ClientConnection client : toClose) {
			client.channel().eventLoop().execute(() -> {
				if (client.acceptsAsyncInfo()) {
					client.sendLameDuckInfo();
				}
			});
		}
		long durationMillis = Math.max(1, this.options.lameDuckDuration().toMillis()
				- this.options.lameDuckGracePeriod().toMillis());
		long interval = toClose.isEmpty() ? 0 : durationMillis / toClose.size();
		for (int i = 0; i < toClose.size(); i++) {
			ClientConnection client = toClose.get(i);
			this.eventLoops.acceptor().schedule(
					() -> client.channel().eventLoop().execute(() -> client.closeAfterFlush("Server Shutdown")),
					interval * i, TimeUnit.MILLISECONDS);
		}
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
		Channel listener = this.serverChannel;
		if (listener != null) {
			listener.close().syncUninterruptibly();
		}
		List<ChannelFuture> closed = new ArrayList<>();
		for (ClientConnection client : new ArrayList<>(this.clients.values())) {
			client.channel().eventLoop().execute(() -> client.closeAfterFlush("Server Shutdown"));
			closed.add(client.channel().closeFuture());
		}
		long deadline = System.nanoTime() + CLIENT_CLOSE_TIMEOUT.toNanos();
		for (ChannelFuture future : closed) {
			future.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		this.eventLoops.shutdown();
	}

	static String describe(SocketAddress address) {
		if (address instanceof InetSocketAddress inet) {
			return clientIp(address) + ":" + inet.getPort();
		}
		return String.valueOf(address);
	}

	static String clientIp(SocketAddress address) {
		if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
			return inet.getAddress().getHostAddress();
		}
		return "";
	}
}
