package io.github.natsspring.listener;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.natsspring.observation.NatsListenerObservation;
import io.github.natsspring.observation.NatsListenerObservationConvention;
import io.github.natsspring.observation.NatsListenerReplyObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.MessageHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates a {@link NatsListenerContainer} per endpoint, filling in the defaults an endpoint leaves open.
 * The defaults held here are the listener defaults of the application: the {@code nats.listener.*}
 * properties only override them when set. The connection is looked up when a container starts, not when it
 * is created.
 */
public class NatsListenerContainerFactory
		implements ListenerContainerFactory<NatsListenerEndpoint, MessageHandler, NatsListenerContainer> {

	/** Concurrency of listeners with a queue group and no concurrency of their own, unless set otherwise. */
	public static final int DEFAULT_CONCURRENCY = 1;

	/** Whether listeners without their own setting start with the context, unless set otherwise. */
	public static final boolean DEFAULT_AUTO_STARTUP = true;

	/** How long stopping a container waits for received messages to be handled, unless set otherwise. */
	public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

	private final Supplier<Connection> connection;

	private int concurrency = DEFAULT_CONCURRENCY;

	private boolean autoStartup = DEFAULT_AUTO_STARTUP;

	private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable NatsListenerObservationConvention observationConvention;

	private @Nullable NatsListenerReplyObservationConvention replyObservationConvention;

	/**
	 * Creates a factory for containers on the given connection.
	 * @param connection supplies the connection when a container starts
	 */
	public NatsListenerContainerFactory(Supplier<Connection> connection) {
		this.connection = connection;
	}

	/**
	 * Sets the concurrency of endpoints that have a queue group but no concurrency of their own.
	 * @param concurrency the default concurrency, at least 1
	 * @throws IllegalArgumentException if the concurrency is below 1
	 */
	public void setConcurrency(int concurrency) {
		String problem = NatsListenerChecks.checkConcurrency(concurrency);
		if (problem != null) {
			throw new IllegalArgumentException("Default listener " + problem);
		}
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
	 * Sets how long stopping a container waits for messages already received to be handled.
	 * @param drainTimeout the drain timeout
	 */
	public void setDrainTimeout(Duration drainTimeout) {
		Assert.isTrue(drainTimeout.toMillis() > 0, "drainTimeout must be positive");
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Sets the registry the containers' listeners are observed in: each message handled as
	 * {@link NatsListenerObservation#LISTENER_OBSERVATION}, each result sent as
	 * {@link NatsListenerObservation#REPLY_OBSERVATION}. Without one, handlers run unwrapped.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Sets the convention naming and tagging the observation of a message handled.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable NatsListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Sets the convention naming and tagging the observation of a result sent.
	 * @param replyObservationConvention the convention, or {@code null} for the default
	 */
	public void setReplyObservationConvention(
			@Nullable NatsListenerReplyObservationConvention replyObservationConvention) {
		this.replyObservationConvention = replyObservationConvention;
	}

	/**
	 * Creates the container of an endpoint.
	 * @param endpoint the endpoint
	 * @param messageHandler the handler created by the endpoint
	 * @return a container, not started
	 * @throws IllegalStateException if the endpoint breaks one of the {@link NatsListenerChecks}
	 */
	@Override
	public NatsListenerContainer createListenerContainer(NatsListenerEndpoint endpoint, MessageHandler messageHandler) {
		Integer requested = endpoint.getConcurrency();
		int concurrency = (requested != null) ? requested : (endpoint.getQueue() != null) ? this.concurrency : 1;
		String problem = firstProblem(NatsListenerChecks.checkSubjects(endpoint.getSubjects()),
				NatsListenerChecks.checkQueue(endpoint.getQueue()),
				NatsListenerChecks.checkConcurrency(concurrency, endpoint.getQueue()));
		if (problem != null) {
			throw new IllegalStateException("NATS listener '" + endpoint.getId() + "' cannot work: " + problem);
		}
		boolean autoStartup = (endpoint.getAutoStartup() != null) ? endpoint.getAutoStartup() : this.autoStartup;
		MessageHandler handler = (this.observationRegistry != null)
				? ObservedNatsMessageHandler.observe(endpoint, messageHandler, this.observationRegistry,
						this.observationConvention, this.replyObservationConvention)
				: messageHandler;
		return new NatsListenerContainer(endpoint, concurrency, autoStartup, handler, this.connection,
				this.drainTimeout);
	}

	private static @Nullable String firstProblem(@Nullable String... problems) {
		for (String problem : problems) {
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}
}
