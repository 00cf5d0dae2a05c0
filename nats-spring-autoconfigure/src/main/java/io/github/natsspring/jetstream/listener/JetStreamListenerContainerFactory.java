package io.github.natsspring.jetstream.listener;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.natsspring.listener.ListenerContainerFactory;
import io.github.natsspring.listener.LoggingNatsListenerErrorHandler;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.nats.client.Connection;
import io.nats.client.JetStream;

import org.springframework.util.Assert;

/**
 * Creates a {@link JetStreamListenerContainer} per endpoint, with the defaults endpoints leave open: concurrency,
 * auto-startup, error handler, and how the containers fetch (batch size, fetch expiry) and stop (drain timeout).
 * The connection and JetStream context are looked up when a container starts.
 */
public class JetStreamListenerContainerFactory implements
		ListenerContainerFactory<JetStreamListenerEndpoint, JetStreamMessageListener, JetStreamListenerContainer> {

	/** Messages a container's thread asks for per fetch, unless set otherwise. */
	public static final int DEFAULT_BATCH_SIZE = 10;

	/** How long a fetch waits for messages, unless set otherwise; also how long an idle thread takes to stop. */
	public static final Duration DEFAULT_FETCH_EXPIRY = Duration.ofSeconds(1);

	private static final Duration MIN_FETCH_EXPIRY = Duration.ofSeconds(1);

	private final Supplier<Connection> connection;

	private final Supplier<JetStream> jetStream;

	private int concurrency = 1;

	private boolean autoStartup = true;

	private int batchSize = DEFAULT_BATCH_SIZE;

	private Duration fetchExpiry = DEFAULT_FETCH_EXPIRY;

	private Duration drainTimeout = Duration.ofSeconds(10);

	private NatsListenerErrorHandler errorHandler = new LoggingNatsListenerErrorHandler();

	/**
	 * Creates a factory.
	 * @param connection supplies the connection when a container starts
	 * @param jetStream supplies the JetStream context when a container starts
	 */
	public JetStreamListenerContainerFactory(Supplier<Connection> connection, Supplier<JetStream> jetStream) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.jetStream = Objects.requireNonNull(jetStream, "jetStream");
	}

	/**
	 * Sets the number of fetching threads of endpoints without their own concurrency.
	 * @param concurrency at least 1
	 */
	public void setConcurrency(int concurrency) {
		Assert.isTrue(concurrency >= 1, "concurrency must be at least 1");
		this.concurrency = concurrency;
	}

	/**
	 * Sets whether containers of endpoints without their own setting start with the context.
	 * @param autoStartup the default
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	/**
	 * Sets how many messages a thread asks for per fetch.
	 * @param batchSize at least 1
	 */
	public void setBatchSize(int batchSize) {
		Assert.isTrue(batchSize >= 1, "batchSize must be at least 1");
		this.batchSize = batchSize;
	}

	/**
	 * Sets how long a fetch waits for messages before the thread fetches again (jnats' minimum: 1 second).
	 * @param fetchExpiry at least 1 second
	 */
	public void setFetchExpiry(Duration fetchExpiry) {
		Assert.isTrue(fetchExpiry.compareTo(MIN_FETCH_EXPIRY) >= 0, "fetchExpiry must be at least 1 second");
		this.fetchExpiry = fetchExpiry;
	}

	/**
	 * Sets how long stopping a container waits for its threads to finish their fetch.
	 * @param drainTimeout a positive duration
	 */
	public void setDrainTimeout(Duration drainTimeout) {
		Assert.isTrue(drainTimeout.toMillis() > 0, "drainTimeout must be positive");
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Sets the error handler of endpoints without their own.
	 * @param errorHandler the handler
	 */
	public void setErrorHandler(NatsListenerErrorHandler errorHandler) {
		this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
	}

	@Override
	public JetStreamListenerContainer createListenerContainer(JetStreamListenerEndpoint endpoint,
			JetStreamMessageListener messageHandler) {
		int concurrency = (endpoint.getConcurrency() != null) ? endpoint.getConcurrency() : this.concurrency;
		if (concurrency < 1) {
			throw new IllegalStateException("JetStream listener '" + endpoint.getId() + "' cannot work: concurrency "
					+ concurrency + " is below 1");
		}
		if (endpoint.getDeadLetterSubject() != null && endpoint.getMaxDeliver() < 1) {
			throw new IllegalStateException("JetStream listener '" + endpoint.getId() + "' cannot work: a dead-letter"
					+ " subject needs maxDeliver");
		}
		boolean autoStartup = (endpoint.getAutoStartup() != null) ? endpoint.getAutoStartup() : this.autoStartup;
		NatsListenerErrorHandler errorHandler = (endpoint.getErrorHandler() != null) ? endpoint.getErrorHandler()
				: this.errorHandler;
		return new JetStreamListenerContainer(endpoint, concurrency, autoStartup, messageHandler, errorHandler,
				this.connection, this.jetStream, this.batchSize, this.fetchExpiry, this.drainTimeout);
	}
}
