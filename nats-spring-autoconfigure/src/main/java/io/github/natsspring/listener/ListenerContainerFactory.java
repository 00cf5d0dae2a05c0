package io.github.natsspring.listener;

/**
 * Creates the container of an endpoint, filling in the defaults the endpoint leaves open. Core
 * ({@link NatsListenerContainerFactory}) and JetStream listeners each have their factory.
 *
 * @param <E> the endpoint type
 * @param <H> the type of the handler the endpoint's messages go to
 * @param <C> the container type
 */
public interface ListenerContainerFactory<E, H, C extends MessageListenerContainer> {

	/**
	 * Creates the container of an endpoint.
	 * @param endpoint the endpoint
	 * @param messageHandler the handler of its messages
	 * @return a container, not started
	 * @throws IllegalStateException if the endpoint cannot work
	 */
	C createListenerContainer(E endpoint, H messageHandler);
}
