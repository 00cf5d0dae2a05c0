package io.github.natsspring.autoconfigure;

/**
 * How the auto-configured connection reaches its server.
 */
public enum NatsTransport {

	/** A TCP socket, to any server. */
	TCP,

	/**
	 * Within the JVM, without a socket, to the embedded broker's in-JVM listener (jnats' data port
	 * {@code io.nats.client.impl.InJvmDataPort}).
	 */
	IN_JVM
}
