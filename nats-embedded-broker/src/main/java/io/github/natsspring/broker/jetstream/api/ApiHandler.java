package io.github.natsspring.broker.jetstream.api;

/**
 * Handles the requests of one kind of the JetStream API ({@code STREAM.CREATE}, {@code CONSUMER.INFO}, …).
 * <p>
 * Called on the JetStream API thread, one request at a time, never on an event loop: a handler may read a store
 * there, but work on a stream's messages or consumers belongs on the stream's executor
 * ({@link ApiRequest#executeOn}). Throwing an {@link ApiException} answers the request with its error.
 */
@FunctionalInterface
public interface ApiHandler {

	/**
	 * Handles one request; answers it now or later through {@link ApiRequest#respond}.
	 * @param request the request
	 */
	void handle(ApiRequest request);
}
