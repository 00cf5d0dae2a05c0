package io.github.natsspring.broker.server;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.account.Accounts;
import io.github.natsspring.broker.auth.Authenticator;
import io.github.natsspring.broker.connection.ClientConnection;
import io.github.natsspring.broker.connection.ClientContext;
import io.github.natsspring.broker.protocol.ServerInfo;
import io.github.natsspring.broker.routing.Subscription;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;

/**
 * The context of the startup warm-up's connections: the broker's limits, but no authentication, no debug or
 * trace lines, accounts of their own and no part in the server's statistics or client ids, so nothing a real
 * client sees changes.
 */
final class WarmUpContext implements ClientContext {

	private final BrokerLimits limits;

	private final IntFunction<ServerInfo> infoForPort;

	private final Accounts accounts = new Accounts();

	private final List<ClientConnection> open = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	/**
	 * Creates the context.
	 * @param limits the broker's limits
	 * @param infoForPort the server's INFO for the port a connection came in on
	 */
	WarmUpContext(BrokerLimits limits, IntFunction<ServerInfo> infoForPort) {
		this.limits = limits;
		this.infoForPort = infoForPort;
	}

	/** Opens a warm-up connection; called on the channel's event loop. */
	ClientConnection open(Channel channel) {
		ClientConnection client = new ClientConnection(this, this.ids.incrementAndGet(), channel);
		this.open.add(client);
		client.start(false);
		return client;
	}

	/** The warm-up connections not closed yet. */
	List<ClientConnection> openConnections() {
		return List.copyOf(this.open);
	}

	@Override
	public BrokerLimits limits() {
		return this.limits;
	}

	@Override
	public BrokerLogging logging() {
		return BrokerLogging.DEFAULT;
	}

	@Override
	public Authenticator authenticator() {
		return Authenticator.none();
	}

	@Override
	public Executor authenticationExecutor() {
		return Runnable::run;
	}

	@Override
	public Accounts accounts() {
		return this.accounts;
	}

	@Override
	public ChannelHandler tlsHandler(Channel channel) {
		// the warm-up client is plaintext: it exercises the protocol, not TLS
		return null;
	}

	@Override
	public ServerInfo infoFor(ClientConnection client) {
		int port = ((InetSocketAddress) client.channel().localAddress()).getPort();
		return this.infoForPort.apply(port)
			.withClient(client.id(), BrokerServer.clientIp(client.channel().remoteAddress()));
	}

	@Override
	public void slowConsumer(ClientConnection client) {
	}

	@Override
	public void closed(ClientConnection client, String reason, List<Subscription> subscriptions) {
		this.open.remove(client);
	}
}
