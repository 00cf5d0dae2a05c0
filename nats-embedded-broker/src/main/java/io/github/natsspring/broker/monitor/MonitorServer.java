package io.github.natsspring.broker.monitor;

import java.net.InetSocketAddress;
import java.util.Map;

import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.NatsBroker;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The HTTP monitoring port, served by the broker's own event loops with Netty's HTTP codec: {@code /},
 * {@code /varz}, {@code /connz}, {@code /subsz} ({@code /subscriptionsz}), {@code /routez}, {@code /healthz},
 * {@code /accountz} and {@code /jsz}. Started and stopped with the broker.
 */
public final class MonitorServer {

	/** Requests are a line and headers; nothing an endpoint reads comes in a body. */
	private static final int MAX_REQUEST_BYTES = 64 * 1024;

	private final Channel listener;

	private final int port;

	private MonitorServer(Channel listener, int port) {
		this.listener = listener;
		this.port = port;
	}

	/**
	 * Binds the monitoring port.
	 * @param settings where to listen
	 * @param server what the endpoints read
	 * @param loop the event loop accepting and serving the HTTP connections, not one carrying messages
	 * @param channelType the server channel type of that loop's transport
	 * @return the running monitoring server
	 * @throws io.netty.channel.ChannelException or another exception of the bind when the port cannot be bound
	 */
	public static MonitorServer start(BrokerMonitoring settings, MonitoredServer server, EventLoopGroup loop,
			Class<? extends ServerChannel> channelType) {
		RequestCounts counts = new RequestCounts();
		Map<String, MonitorEndpoint> endpoints = Map.of(RootPage.PATH,
				new RootPage(counts, settings.basePath(), NatsBroker.PROTOCOL_COMPATIBLE_VERSION), VarzEndpoint.PATH,
				new VarzEndpoint(server, counts), ConnzEndpoint.PATH,
				new ConnzEndpoint(server, counts), SubszEndpoint.PATH, new SubszEndpoint(server, counts),
				SubszEndpoint.OLD_PATH, new SubszEndpoint(server, counts), RoutezEndpoint.PATH,
				new RoutezEndpoint(server, counts), HealthzEndpoint.PATH, new HealthzEndpoint(counts),
				AccountzEndpoint.PATH, new AccountzEndpoint(server, counts), JszEndpoint.PATH,
				new JszEndpoint(server, counts));
		MonitorHttpHandler handler = new MonitorHttpHandler(settings.basePath(), endpoints);
		Channel listener = new ServerBootstrap().group(loop, loop)
			.channel(channelType)
			.option(ChannelOption.SO_REUSEADDR, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpServerCodec())
						.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
						.addLast(handler);
				}
			})
			.bind(settings.host(), settings.port())
			.syncUninterruptibly()
			.channel();
		return new MonitorServer(listener, ((InetSocketAddress) listener.localAddress()).getPort());
	}

	/**
	 * The port bound.
	 * @return the monitoring port (the chosen one when configured with 0)
	 */
	public int port() {
		return this.port;
	}

	/** Closes the monitoring port; connections still open end with the event loops. */
	public void stop() {
		this.listener.close().syncUninterruptibly();
	}
}
