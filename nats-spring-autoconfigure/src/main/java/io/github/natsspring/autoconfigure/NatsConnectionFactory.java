package io.github.natsspring.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

/**
 * Opens the jnats connection. Fail-fast mode connects on the calling thread and throws when no server
 * accepts; otherwise jnats connects in the background, retrying as on a reconnect, and the connection is
 * returned as soon as its first attempt has finished, connected or not.
 */
class NatsConnectionFactory {

	private static final Duration FIRST_ATTEMPT_MARGIN = Duration.ofSeconds(5);

	private final boolean failFast;

	NatsConnectionFactory(boolean failFast) {
		this.failFast = failFast;
	}

	Connection connect(Options options) {
		List<String> servers = options.getServers().stream().map(Object::toString).toList();
		try {
			return this.failFast ? Nats.connect(options) : connectInBackground(options);
		}
		catch (IOException | TimeoutException ex) {
			throw new NatsConnectionFailedException(servers, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsConnectionFailedException(servers, ex);
		}
	}

	private Connection connectInBackground(Options options) throws InterruptedException, TimeoutException {
		FirstEventListener firstEvent = new FirstEventListener(options.getConnectionListener());
		Nats.connectAsynchronously(new Options.Builder(options).connectionListener(firstEvent).build(), true);
		Duration firstAttempt = options.getConnectionTimeout()
			.multipliedBy(options.getServers().size())
			.plus(FIRST_ATTEMPT_MARGIN);
		try {
			return firstEvent.connection.get(firstAttempt.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Unexpected failure waiting for the NATS connection", ex.getCause());
		}
	}

	/**
	 * jnats hands out a connection opened in the background only through its listener: capture it from the
	 * first event, then forward every event to the listener the options had.
	 */
	private static final class FirstEventListener implements ConnectionListener {

		private final CompletableFuture<Connection> connection = new CompletableFuture<>();

		private final @Nullable ConnectionListener delegate;

		FirstEventListener(@Nullable ConnectionListener delegate) {
			this.delegate = delegate;
		}

		@Override
		public void connectionEvent(Connection connection, Events type) {
			this.connection.complete(connection);
			if (this.delegate != null) {
				this.delegate.connectionEvent(connection, type);
			}
		}

		@Override
		public void connectionEvent(Connection connection, Events type, Long time, String uriDetails) {
			this.connection.complete(connection);
			if (this.delegate != null) {
				this.delegate.connectionEvent(connection, type, time, uriDetails);
			}
		}
	}
}
