package io.github.natsspring.jetstream;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.ServerInfo;

/**
 * Creates jnats JetStream contexts on a connection, once it is known that its server has JetStream. jnats reads
 * the server's version when a context is created, so a context cannot be created before the connection has
 * reached a server. While the connection is not connected jnats hands out a placeholder INFO without JetStream, so
 * only the INFO of a connected connection tells whether the server has JetStream.
 */
public final class JetStreamContexts {

	private JetStreamContexts() {
	}

	/**
	 * Creates a JetStream publishing and subscribing context.
	 * @param connection the connection
	 * @param options the JetStream options
	 * @return the context
	 * @throws JetStreamNotAvailableException if the server has no JetStream or was not reached yet
	 */
	public static JetStream jetStream(Connection connection, JetStreamOptions options) {
		requireJetStream(connection);
		try {
			return connection.jetStream(options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Creates a JetStream management context.
	 * @param connection the connection
	 * @param options the JetStream options
	 * @return the context
	 * @throws JetStreamNotAvailableException if the server has no JetStream or was not reached yet
	 */
	public static JetStreamManagement jetStreamManagement(Connection connection, JetStreamOptions options) {
		requireJetStream(connection);
		try {
			return connection.jetStreamManagement(options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Tells whether the connection is connected to a server, so that its INFO is that server's.
	 * @param connection the connection
	 * @return {@code true} when connected
	 */
	public static boolean isConnected(Connection connection) {
		return connection.getStatus() == Connection.Status.CONNECTED;
	}

	/**
	 * Tells whether the connection is connected to a server that announced JetStream in its INFO.
	 * @param connection the connection
	 * @return {@code true} when the connection is connected to a server with JetStream
	 */
	public static boolean isAvailable(Connection connection) {
		ServerInfo info = connection.getServerInfo();
		return isConnected(connection) && info != null && info.isJetStreamAvailable();
	}

	/**
	 * Fails unless the connection's server has announced JetStream.
	 * @param connection the connection
	 * @throws JetStreamNotAvailableException if the server has no JetStream or was not reached yet
	 */
	public static void requireJetStream(Connection connection) {
		ServerInfo info = connection.getServerInfo();
		if (!isConnected(connection) || info == null) {
			throw new JetStreamNotAvailableException("JetStream is not available yet: the NATS connection has not"
					+ " reached a server (status " + connection.getStatus() + ")", false);
		}
		if (!info.isJetStreamAvailable()) {
			throw new JetStreamNotAvailableException("The NATS server " + info.getServerId() + " (version "
					+ info.getVersion() + ", " + connection.getConnectedUrl() + ") does not have JetStream enabled",
					true);
		}
	}
}
