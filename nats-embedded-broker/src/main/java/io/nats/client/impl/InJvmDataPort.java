package io.nats.client.impl;

import java.io.IOException;
import java.net.URISyntaxException;

import io.github.natsspring.broker.inprocess.InJvmClientChannel;
import io.nats.client.support.NatsUri;

/**
 * A jnats {@link DataPort} that reaches a broker in the same JVM through its in-JVM listener instead of a socket.
 * The URL's host names the listener, {@code nats://<name>} (see
 * {@link io.github.natsspring.broker.NatsBrokerOptions.Builder#inJvmName(String)}); select it with
 * {@code Options.Builder.dataPortType(InJvmDataPort.class.getName())}. jnats creates one per connection attempt;
 * when no broker holds the name the attempt fails as a refused connection would, so reconnecting works as over
 * TCP and finds a broker restarted under the same name. TLS does not apply. The work is
 * {@link InJvmClientChannel}'s; this class lives in jnats' package because {@link DataPort}'s methods take jnats'
 * package-private {@code NatsConnection}.
 */
public final class InJvmDataPort implements DataPort {

	private volatile InJvmClientChannel channel;

	/** Creates an unconnected port, as jnats does reflectively. */
	public InJvmDataPort() {
	}

	@Override
	@Deprecated
	public void connect(String serverURI, NatsConnection conn, long timeoutNanos) throws IOException {
		try {
			connect(conn, new NatsUri(serverURI), timeoutNanos);
		}
		catch (URISyntaxException ex) {
			throw new IOException("Not an in-JVM broker URL: " + serverURI, ex);
		}
	}

	@Override
	public void connect(NatsConnection conn, NatsUri uri, long timeoutNanos) throws IOException {
		this.channel = InJvmClientChannel.connect(uri.getHost(), timeoutNanos);
	}

	/**
	 * Refuses: in-JVM connections are not encrypted, and the broker does not ask for TLS on them.
	 * @throws IOException always
	 */
	@Override
	public void upgradeToSecure() throws IOException {
		throw new IOException("TLS does not apply to in-JVM connections; connect without TLS options");
	}

	@Override
	public int read(byte[] dst, int off, int len) throws IOException {
		return connected().read(dst, off, len);
	}

	@Override
	public void write(byte[] src, int toWrite) throws IOException {
		connected().write(src, toWrite);
	}

	@Override
	public void flush() throws IOException {
		connected().flush();
	}

	@Override
	public void shutdownInput() {
		InJvmClientChannel current = this.channel;
		if (current != null) {
			current.shutdownInput();
		}
	}

	@Override
	public void close() {
		InJvmClientChannel current = this.channel;
		if (current != null) {
			current.close();
		}
	}

	private InJvmClientChannel connected() throws IOException {
		InJvmClientChannel current = this.channel;
		if (current == null) {
			throw new IOException("In-JVM data port not connected");
		}
		return current;
	}
}
