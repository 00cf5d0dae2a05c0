package io.github.natsspring.broker.server;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

/**
 * The event loops of one broker: one acceptor thread and the configured number of workers, on the native epoll
 * transport when available (fewer syscalls and no selector garbage), on NIO otherwise.
 */
final class EventLoops {

	private final EventLoopGroup acceptor;

	private final EventLoopGroup workers;

	private final Class<? extends ServerChannel> serverChannelType;

	private volatile boolean shutdown;

	private EventLoops(EventLoopGroup acceptor, EventLoopGroup workers, Class<? extends ServerChannel> type) {
		this.acceptor = acceptor;
		this.workers = workers;
		this.serverChannelType = type;
	}

	static EventLoops create(String serverId, int workers) {
		String prefix = "nats-broker-" + serverId.substring(1, 7).toLowerCase();
		boolean epoll = Epoll.isAvailable() && !Boolean.getBoolean("natsbroker.noEpoll");
		IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
		EventLoops loops = new EventLoops(new MultiThreadIoEventLoopGroup(1, threads(prefix + "-accept"), factory),
				new MultiThreadIoEventLoopGroup(workers, threads(prefix + "-io"), factory),
				epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
		loops.startThreads();
		return loops;
	}

	/** Netty starts loop threads on their first task; start them now so the first clients do not wait. */
	private void startThreads() {
		for (EventExecutor loop : this.workers) {
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
		this.acceptor.terminationFuture().syncUninterruptibly();
		this.workers.terminationFuture().syncUninterruptibly();
	}
}
