package io.github.natsspring.listener;

import java.util.concurrent.CompletableFuture;

import io.github.natsspring.listener.adapter.MessagingNatsMessageHandler;
import io.github.natsspring.observation.DefaultNatsListenerObservationConvention;
import io.github.natsspring.observation.NatsListenerObservation;
import io.github.natsspring.observation.NatsListenerObservationConvention;
import io.github.natsspring.observation.NatsListenerReplyObservationConvention;
import io.github.natsspring.observation.NatsReceiverContext;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.jspecify.annotations.Nullable;

/**
 * Observes each message a listener's handler handles as {@link NatsListenerObservation#LISTENER_OBSERVATION},
 * continuing the trace whose context the message's headers carry, with the observation current while the handler
 * runs.
 */
final class ObservedNatsMessageHandler implements AsyncNatsMessageHandler {

	private final String listenerId;

	private final @Nullable String queue;

	private final MessageHandler delegate;

	private final ObservationRegistry observationRegistry;

	private final @Nullable NatsListenerObservationConvention observationConvention;

	private ObservedNatsMessageHandler(NatsListenerEndpoint endpoint, MessageHandler delegate,
			ObservationRegistry observationRegistry,
			@Nullable NatsListenerObservationConvention observationConvention) {
		this.listenerId = endpoint.getId();
		this.queue = endpoint.getQueue();
		this.delegate = delegate;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Wraps the handler of an endpoint so that its handling, and the results a method listener sends, are observed.
	 * @param endpoint the endpoint
	 * @param handler the endpoint's handler
	 * @param observationRegistry the registry to observe in
	 * @param observationConvention the convention of the handling, or {@code null} for the default
	 * @param replyObservationConvention the convention of the results sent, or {@code null} for the default
	 * @return the observed handler
	 */
	static ObservedNatsMessageHandler observe(NatsListenerEndpoint endpoint, MessageHandler handler,
			ObservationRegistry observationRegistry, @Nullable NatsListenerObservationConvention observationConvention,
			@Nullable NatsListenerReplyObservationConvention replyObservationConvention) {
		if (handler instanceof MessagingNatsMessageHandler methodHandler) {
			methodHandler.observeResults(observationRegistry, replyObservationConvention);
		}
		return new ObservedNatsMessageHandler(endpoint, handler, observationRegistry, observationConvention);
	}

	@Override
	public void onMessage(Message message) throws InterruptedException {
		if (this.observationRegistry.isNoop()) {
			this.delegate.onMessage(message);
			return;
		}
		NatsListenerObservation.LISTENER_OBSERVATION
			.observation(this.observationConvention, DefaultNatsListenerObservationConvention.INSTANCE,
					() -> new NatsReceiverContext(message, this.listenerId, message.getSubscription().getSubject(),
							this.queue),
					this.observationRegistry)
			.observeChecked(() -> this.delegate.onMessage(message));
	}

	@Override
	public CompletableFuture<Void> pendingWork() {
		return (this.delegate instanceof AsyncNatsMessageHandler async) ? async.pendingWork()
				: CompletableFuture.completedFuture(null);
	}
}
