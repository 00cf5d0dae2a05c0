package io.github.natsspring.broker.inprocess;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsspring.broker.NatsBrokerException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;

/**
 * The in-JVM listeners of the brokers running in this JVM, by name. A broker adds its listener once bound and
 * removes it before it stops; an {@link InJvmDataPort} looks the name up to connect. The client end of a
 * connection runs on the broker's own event loops, so bytes cross from one end to the other without a thread
 * hop of their own.
 */
public final class InJvmListeners {

	private static final Map<String, EventLoopGroup> LISTENERS = new ConcurrentHashMap<>();

	private InJvmListeners() {
	}

	/**
	 * The URL clients give jnats to reach the named listener.
	 * @param name the in-JVM listener's name
	 * @return {@code nats://<name>}
	 */
	public static String url(String name) {
		return "nats://" + name;
	}

	/**
	 * The Netty address a broker's in-JVM listener binds.
	 * @param name the in-JVM listener's name
	 * @return the local address
	 */
	public static LocalAddress address(String name) {
		return new LocalAddress("nats-in-jvm:" + name);
	}

	/**
	 * Adds a broker's listener.
	 * @param name the in-JVM listener's name
	 * @param eventLoops the loops the client ends of its connections run on
	 * @throws NatsBrokerException when a running broker holds the name already
	 */
	public static void add(String name, EventLoopGroup eventLoops) {
		if (LISTENERS.putIfAbsent(name, eventLoops) != null) {
			throw new NatsBrokerException("Another broker in this JVM listens in-JVM as '" + name + "'");
		}
	}

	/**
	 * Removes a broker's listener; clients connecting afterwards find none until a broker takes the name again.
	 * @param name the in-JVM listener's name
	 * @param eventLoops the loops given to {@link #add(String, EventLoopGroup)}, so that only their owner removes it
	 */
	public static void remove(String name, EventLoopGroup eventLoops) {
		LISTENERS.remove(name, eventLoops);
	}

	static EventLoopGroup eventLoops(String name) {
		return LISTENERS.get(name);
	}
}
