package io.github.natsspring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.MessageHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The running side of one listener: {@code concurrency} jnats {@link Dispatcher dispatchers}, each with its
 * own thread, subscribed to the listener's subjects in its queue group. Stopping drains the dispatchers:
 * the subscriptions end on the server, and messages already received are handled before the threads end,
 * including asynchronous results of an {@link AsyncNatsMessageHandler}.
 * A stopped container can be started again.
 */
public class NatsListenerContainer implements MessageListenerContainer {

	private static final Log logger = LogFactory.getLog(NatsListenerContainer.class);

	private final String id;

	private final List<String> subjects;

	private final @Nullable String queue;

	private final int concurrency;

	private final boolean autoStartup;

	private final MessageHandler messageHandler;

	private final Supplier<Connection> connection;

	private final Duration drainTimeout;

	private final List<Dispatcher> dispatchers = new ArrayList<>();

	private @Nullable Connection activeConnection;

	NatsListenerContainer(NatsListenerEndpoint endpoint, int concurrency, boolean autoStartup,
			MessageHandler messageHandler, Supplier<Connection> connection, Duration drainTimeout) {
		this.id = endpoint.getId();
		this.subjects = endpoint.getSubjects();
		this.queue = endpoint.getQueue();
		this.concurrency = concurrency;
		this.autoStartup = autoStartup;
		this.messageHandler = messageHandler;
		this.connection = connection;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public String getId() {
		return this.id;
	}

	/**
	 * The subjects subscribed to.
	 * @return the subjects
	 */
	public List<String> getSubjects() {
		return this.subjects;
	}

	/**
	 * The queue group of the subscriptions.
	 * @return the queue group, or {@code null} for plain subscriptions
	 */
	public @Nullable String getQueue() {
		return this.queue;
	}

	/**
	 * The number of dispatchers, each subscribed to every subject.
	 * @return the concurrency
	 */
	public int getConcurrency() {
		return this.concurrency;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * Creates the dispatchers and subscribes them; once this returns and the connection is up, the
	 * server knows the subscriptions. Does nothing when already running.
	 */
	@Override
	public synchronized void start() {
		if (!this.dispatchers.isEmpty()) {
			return;
		}
		Connection connection = this.connection.get();
		try {
			for (int i = 0; i < this.concurrency; i++) {
				Dispatcher dispatcher = connection.createDispatcher(this.messageHandler);
				this.dispatchers.add(dispatcher);
				for (String subject : this.subjects) {
					if (this.queue != null) {
						dispatcher.subscribe(subject, this.queue);
					}
					else {
						dispatcher.subscribe(subject);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			this.dispatchers.forEach(connection::closeDispatcher);
			this.dispatchers.clear();
			throw new IllegalStateException("NATS listener '" + this.id + "' could not subscribe to " + this.subjects,
					ex);
		}
		this.activeConnection = connection;
		confirmSubscriptions(connection);
		if (logger.isDebugEnabled()) {
			logger.debug("Started NATS listener '" + this.id + "' on " + this.subjects
					+ ((this.queue != null) ? " in queue group '" + this.queue + "'" : "") + " with "
					+ this.concurrency + " dispatcher(s)");
		}
	}

	private void confirmSubscriptions(Connection connection) {
		if (connection.getStatus() != Connection.Status.CONNECTED) {
			return;
		}
		try {
			connection.flush(this.drainTimeout);
		}
		catch (TimeoutException ex) {
			logger.warn("NATS listener '" + this.id + "': the server did not confirm the subscriptions within "
					+ this.drainTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Drains the dispatchers and waits until messages already received are handled: at most the drain
	 * timeout for the dispatchers and as long again for asynchronous results.
	 */
	@Override
	public void stop() {
		CompletableFuture<Void> drained = drain();
		try {
			drained.get(this.drainTimeout.multipliedBy(2).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("NATS listener '" + this.id + "' did not stop cleanly", ex);
		}
	}

	/**
	 * Starts draining the dispatchers: their subscriptions end on the server at once, messages already
	 * received are still handled. Does nothing when not running.
	 * @return a future completing when every dispatcher has drained or the drain timeout has passed
	 */
	@Override
	public synchronized CompletableFuture<Void> drain() {
		if (this.dispatchers.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		Connection connection = this.activeConnection;
		List<CompletableFuture<Boolean>> drains = new ArrayList<>();
		for (Dispatcher dispatcher : this.dispatchers) {
			drains.add(drain(connection, dispatcher));
		}
		this.dispatchers.clear();
		this.activeConnection = null;
		return CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new)).thenRun(() -> {
			if (drains.stream().anyMatch((drain) -> !drain.join())) {
				logger.warn("NATS listener '" + this.id + "' did not drain within " + this.drainTimeout
						+ "; messages not yet handled were dropped");
			}
		}).thenCompose((drained) -> pendingWork());
	}

	private CompletableFuture<Void> pendingWork() {
		if (!(this.messageHandler instanceof AsyncNatsMessageHandler asyncHandler)) {
			return CompletableFuture.completedFuture(null);
		}
		return asyncHandler.pendingWork()
			.orTimeout(this.drainTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.exceptionally((timeout) -> {
				logger.warn("NATS listener '" + this.id + "': asynchronous results still pending after "
						+ this.drainTimeout + " are not awaited");
				return null;
			});
	}

	private CompletableFuture<Boolean> drain(@Nullable Connection connection, Dispatcher dispatcher) {
		if (connection == null || connection.getStatus() == Connection.Status.CLOSED || !dispatcher.isActive()) {
			return CompletableFuture.completedFuture(true);
		}
		try {
			if (connection.getStatus() != Connection.Status.CONNECTED) {
				// draining needs a round trip to the server and would only wait out the timeout
				boolean drained = dispatcher.getPendingMessageCount() == 0;
				connection.closeDispatcher(dispatcher);
				return CompletableFuture.completedFuture(drained);
			}
			return dispatcher.drain(this.drainTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CompletableFuture.completedFuture(false);
		}
		catch (RuntimeException ex) {
			logger.debug("NATS listener '" + this.id + "': the connection closed while draining", ex);
			return CompletableFuture.completedFuture(dispatcher.getPendingMessageCount() == 0);
		}
	}

	/**
	 * Whether the dispatchers are subscribed.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	@Override
	public synchronized boolean isRunning() {
		return !this.dispatchers.isEmpty();
	}

	@Override
	public String toString() {
		return "NatsListenerContainer[" + this.id + " " + this.subjects
				+ ((this.queue != null) ? " queue=" + this.queue : "") + " concurrency=" + this.concurrency + "]";
	}
}
