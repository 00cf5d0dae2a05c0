package io.github.natsspring.broker.server;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

/**
 * The event loops of one broker: one acceptor thread and the configured number of workers, on the native epoll
 * transport when available (fewer syscalls and no selector garbage), on NIO otherwise; and with an in-JVM listener,
 * as many loops of Netty's local transport, which serve both ends of each in-JVM connection (local channels cannot
 * register with epoll or NIO loops).
 */
final class EventLoops {

	private final EventLoopGroup acceptor;

	private final EventLoopGroup workers;

	private final Class<? extends ServerChannel> serverChannelType;

	private final EventLoopGroup inJvmWorkers;

	private volatile boolean shutdown;

	private EventLoops(EventLoopGroup acceptor, EventLoopGroup workers, Class<? extends ServerChannel> type,
			EventLoopGroup inJvmWorkers) {
		this.acceptor = acceptor;
		this.workers = workers;
		this.serverChannelType = type;
		this.inJvmWorkers = inJvmWorkers;
	}

	static EventLoops create(String serverId, int workers, boolean inJvm) {
		String prefix = "nats-broker-" + serverId.substring(1, 7).toLowerCase();
		boolean epoll = Epoll.isAvailable() && !Boolean.getBoolean("natsbroker.noEpoll");
		IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
		EventLoops loops = new EventLoops(new MultiThreadIoEventLoopGroup(1, threads(prefix + "-accept"), factory),
				new MultiThreadIoEventLoopGroup(workers, threads(prefix + "-io"), factory),
				epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class,
				inJvm ? new MultiThreadIoEventLoopGroup(workers, threads(prefix + "-in-jvm"), LocalIoHandler.newFactory())
						: null);
		loops.startThreads();
		return loops;
	}

	/** Netty starts loop threads on their first task; start them now so the first clients do not wait. */
	private void startThreads() {
		startThreads(this.workers);
		if (this.inJvmWorkers != null) {
			startThreads(this.inJvmWorkers);
		}
	}

	private static void startThreads(EventLoopGroup group) {
		for (EventExecutor loop : group) {
			loop.submit(() -> { }).syncUninterruptibly();
		}
	}

	private static ThreadFactory threads(String prefix) {
		return new DefaultThreadFactory(prefix, true);
	}

	EventLoopGroup acceptor() {
		return this.acceptor;
	}

	EventLoopGroup workers() {
		return this.workers;
	}

	/**
	 * The loops of the in-JVM connections.
	 * @return the group, or {@code null} without an in-JVM listener
	 */
	EventLoopGroup inJvmWorkers() {
		return this.inJvmWorkers;
	}

	/** The channel type that dials out on these loops (routes to other servers). */
	Class<? extends Channel> socketChannelType() {
		return (this.serverChannelType == EpollServerSocketChannel.class) ? EpollSocketChannel.class
				: NioSocketChannel.class;
	}

	Class<? extends ServerChannel> serverChannelType() {
		return this.serverChannelType;
	}

	boolean isShutdown() {
		return this.shutdown;
	}

	void shutdown() {
		if (this.shutdown) {
			return;
		}
		this.shutdown = true;
		this.acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
		this.workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
		if (this.inJvmWorkers != null) {
			this.inJvmWorkers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
			this.inJvmWorkers.terminationFuture().syncUninterruptibly();
		}
		this.acceptor.terminationFuture().syncUninterruptibly();
		this.workers.terminationFuture().syncUninterruptibly();
	}
}
