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
 * reached a server.
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
	 * Tells whether the connection's server has announced JetStream in its INFO.
	 * @param connection the connection
	 * @return {@code true} when the connection reached a server with JetStream
	 */
	public static boolean isAvailable(Connection connection) {
		ServerInfo info = connection.getServerInfo();
		return info != null && info.isJetStreamAvailable();
	}

	/**
	 * Fails unless the connection's server has announced JetStream.
	 * @param connection the connection
	 * @throws JetStreamNotAvailableException if the server has no JetStream or was not reached yet
	 */
	public static void requireJetStream(Connection connection) {
		ServerInfo info = connection.getServerInfo();
		if (info == null) {
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
