package io.github.natsspring.broker.jetstream.api;

/**
 * Where the handlers of the JetStream API ({@code $JS.API.>}) are registered. The stream layer registers
 * {@code INFO}, {@code STREAM.*} and {@code DIRECT.GET}; the consumer package registers {@code CONSUMER.*}.
 */
public interface ApiRouter {

	/**
	 * Registers the handler of a kind of request. A request goes to the handler of the longest kind its subject
	 * starts with, token by token: {@code CONSUMER.DURABLE.CREATE} wins over {@code CONSUMER} for
	 * {@code $JS.API.CONSUMER.DURABLE.CREATE.S.d}.
	 * @param kind the tokens after {@code $JS.API.} that name the request, e.g. {@code CONSUMER.CREATE}
	 * @param responseType the response type's short name, e.g. {@code consumer_create_response}: errors are
	 * answered under {@code io.nats.jetstream.api.v1.<responseType>}
	 * @param handler the handler
	 * @throws IllegalStateException when the kind has a handler already
	 */
	void register(String kind, String responseType, ApiHandler handler);
}
