package io.github.natsspring.broker.jetstream;

/**
 * The consumer half of JetStream, implemented by the consumer package
 * ({@code io.github.natsspring.broker.jetstream.consumer}); the broker creates it and passes it to
 * {@link JetStreamService#start}, so this package never refers to the consumer package.
 * <p>
 * Lifecycle: {@link #start} once when JetStream starts, before any stream is recovered or created; then
 * {@link #attach} for each stream; {@link #stop} once after every stream has been closed.
 */
public interface ConsumerSupport {

	/**
	 * Starts: registers the {@code CONSUMER.*} API handlers with {@link JetStreamContext#api()} and subscribes to
	 * {@code $JS.ACK.>} and {@code $JS.FC.>} with {@link JetStreamContext#client()}.
	 * @param jetStream the JetStream the consumers live in
	 */
	void start(JetStreamContext jetStream);

	/**
	 * Takes charge of a stream's consumers: a new stream's (none yet) or a recovered stream's, whose consumers
	 * are recovered here from {@link io.github.natsspring.broker.jetstream.store.MessageStore#consumerNames()} and
	 * their stores. Called on the stream's executor, before the stream captures any message.
	 * @param stream the stream
	 * @return the stream's consumers
	 */
	StreamConsumers attach(Stream stream);

	/**
	 * Stops what is not per stream (timers, subscriptions).
	 */
	void stop();
}
