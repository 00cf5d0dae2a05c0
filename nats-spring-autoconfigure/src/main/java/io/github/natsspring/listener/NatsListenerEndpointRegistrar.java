package io.github.natsspring.listener;

import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.core.NatsMessageConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;

/**
 * Collects {@link NatsListenerEndpoint endpoints} while beans are created and, once the infrastructure is
 * known, turns each into a container registered in the {@link NatsListenerEndpointRegistry}. Holds the
 * infrastructure endpoints share: handler method factory, message converter, default error handler.
 */
public class NatsListenerEndpointRegistrar {

	private final List<NatsListenerEndpoint> endpoints = new ArrayList<>();

	private @Nullable NatsListenerEndpointRegistry endpointRegistry;

	private @Nullable NatsListenerContainerFactory containerFactory;

	private @Nullable MessageHandlerMethodFactory messageHandlerMethodFactory;

	private @Nullable NatsMessageConverter messageConverter;

	private NatsListenerErrorHandler errorHandler = new LoggingNatsListenerErrorHandler();

	private boolean registered;

	/**
	 * Sets the registry containers are registered in.
	 * @param endpointRegistry the registry
	 */
	public void setEndpointRegistry(NatsListenerEndpointRegistry endpointRegistry) {
		this.endpointRegistry = endpointRegistry;
	}

	/**
	 * Sets the factory creating a container per endpoint.
	 * @param containerFactory the container factory
	 */
	public void setContainerFactory(NatsListenerContainerFactory containerFactory) {
		this.containerFactory = containerFactory;
	}

	/**
	 * The factory creating invocable listener methods.
	 * @return the handler method factory
	 */
	public MessageHandlerMethodFactory getMessageHandlerMethodFactory() {
		Assert.state(this.messageHandlerMethodFactory != null, "No MessageHandlerMethodFactory set");
		return this.messageHandlerMethodFactory;
	}

	/**
	 * Sets the factory creating invocable listener methods.
	 * @param messageHandlerMethodFactory the handler method factory
	 */
	public void setMessageHandlerMethodFactory(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		this.messageHandlerMethodFactory = messageHandlerMethodFactory;
	}

	/**
	 * The converter writing replies.
	 * @return the message converter
	 */
	public NatsMessageConverter getMessageConverter() {
		Assert.state(this.messageConverter != null, "No NatsMessageConverter set");
		return this.messageConverter;
	}

	/**
	 * Sets the converter writing replies.
	 * @param messageConverter the message converter
	 */
	public void setMessageConverter(NatsMessageConverter messageConverter) {
		this.messageConverter = messageConverter;
	}

	/**
	 * The error handler of listeners that do not name their own.
	 * @return the default error handler
	 */
	public NatsListenerErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	/**
	 * Sets the error handler of listeners that do not name their own.
	 * @param errorHandler the default error handler
	 */
	public void setErrorHandler(NatsListenerErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	/**
	 * Adds an endpoint; it gets its container when {@link #registerEndpoints()} runs, or at once if that
	 * already happened.
	 * @param endpoint the endpoint
	 */
	public synchronized void registerEndpoint(NatsListenerEndpoint endpoint) {
		if (this.registered) {
			register(endpoint);
		}
		else {
			this.endpoints.add(endpoint);
		}
	}

	/**
	 * Creates and registers the containers of all endpoints added so far.
	 */
	public synchronized void registerEndpoints() {
		this.endpoints.forEach(this::register);
		this.endpoints.clear();
		this.registered = true;
	}

	private void register(NatsListenerEndpoint endpoint) {
		Assert.state(this.endpointRegistry != null, "No NatsListenerEndpointRegistry bean to register NATS listeners in");
		Assert.state(this.containerFactory != null, "No NatsListenerContainerFactory bean to create NATS listener containers");
		this.endpointRegistry.registerListenerContainer(
				this.containerFactory.createListenerContainer(endpoint, endpoint.createMessageHandler(this)));
	}
}
