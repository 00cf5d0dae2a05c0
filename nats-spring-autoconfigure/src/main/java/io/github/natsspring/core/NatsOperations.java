package io.github.natsspring.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Publishing and request-reply over NATS. Objects are turned into payloads and back by a
 * {@link NatsMessageConverter}.
 * <p>
 * A request fails with {@link NatsNoRespondersException} at once when nothing subscribes to the subject,
 * with {@link NatsRequestTimeoutException} when no reply comes in time, and with
 * {@link NatsServiceErrorException} when the responder replies with an error. Asynchronous variants complete
 * exceptionally with the same exceptions.
 */
public interface NatsOperations {

	/**
	 * Publishes raw bytes.
	 * @param subject the subject to publish to
	 * @param payload the message body
	 */
	void publish(String subject, byte[] payload);

	/**
	 * Publishes raw bytes with headers.
	 * @param subject the subject to publish to
	 * @param payload the message body
	 * @param headers the message headers, or {@code null} for none
	 */
	void publish(String subject, byte[] payload, @Nullable Headers headers);

	/**
	 * Converts an object to a payload and publishes it.
	 * @param subject the subject to publish to
	 * @param payload the object to send
	 */
	void convertAndSend(String subject, Object payload);

	/**
	 * Converts an object to a payload and publishes it with headers.
	 * @param subject the subject to publish to
	 * @param payload the object to send
	 * @param headers extra headers, or {@code null}; the converter may add to a copy of them
	 */
	void convertAndSend(String subject, Object payload, @Nullable Headers headers);

	/**
	 * Sends a request and waits for the reply for the default timeout.
	 * @param subject the subject to send the request to
	 * @param payload the request body
	 * @return the reply
	 */
	Message request(String subject, byte[] payload);

	/**
	 * Sends a request and waits for the reply.
	 * @param subject the subject to send the request to
	 * @param payload the request body
	 * @param timeout how long to wait for the reply
	 * @return the reply
	 */
	Message request(String subject, byte[] payload, Duration timeout);

	/**
	 * Sends a request with headers and waits for the reply.
	 * @param subject the subject to send the request to
	 * @param payload the request body
	 * @param headers the request headers, or {@code null} for none
	 * @param timeout how long to wait for the reply
	 * @return the reply
	 */
	Message request(String subject, byte[] payload, @Nullable Headers headers, Duration timeout);

	/**
	 * Sends a request without blocking.
	 * @param subject the subject to send the request to
	 * @param payload the request body
	 * @param timeout how long to wait for the reply
	 * @return the reply, when it arrives
	 */
	CompletableFuture<Message> requestAsync(String subject, byte[] payload, Duration timeout);

	/**
	 * Sends a request with headers without blocking.
	 * @param subject the subject to send the request to
	 * @param payload the request body
	 * @param headers the request headers, or {@code null} for none
	 * @param timeout how long to wait for the reply
	 * @return the reply, when it arrives
	 */
	CompletableFuture<Message> requestAsync(String subject, byte[] payload, @Nullable Headers headers,
			Duration timeout);

	/**
	 * Converts an object into a request, waits the default timeout and converts the reply.
	 * @param <T> the reply type
	 * @param subject the subject to send the request to
	 * @param request the object to send
	 * @param replyType the type to read the reply as
	 * @return the converted reply; {@code null} when the reply is empty
	 */
	<T> @Nullable T convertSendAndReceive(String subject, Object request, Class<T> replyType);

	/**
	 * Converts an object into a request, waits for the reply and converts it.
	 * @param <T> the reply type
	 * @param subject the subject to send the request to
	 * @param request the object to send
	 * @param replyType the type to read the reply as
	 * @param timeout how long to wait for the reply
	 * @return the converted reply; {@code null} when the reply is empty
	 */
	<T> @Nullable T convertSendAndReceive(String subject, Object request, Class<T> replyType, Duration timeout);

	/**
	 * Converts an object into a request without blocking; waits at most the default timeout.
	 * @param <T> the reply type
	 * @param subject the subject to send the request to
	 * @param request the object to send
	 * @param replyType the type to read the reply as
	 * @return the converted reply, when it arrives
	 */
	<T> CompletableFuture<T> convertSendAndReceiveAsync(String subject, Object request, Class<T> replyType);

	/**
	 * Converts an object into a request without blocking.
	 * @param <T> the reply type
	 * @param subject the subject to send the request to
	 * @param request the object to send
	 * @param replyType the type to read the reply as
	 * @param timeout how long to wait for the reply
	 * @return the converted reply, when it arrives
	 */
	<T> CompletableFuture<T> convertSendAndReceiveAsync(String subject, Object request, Class<T> replyType,
			Duration timeout);
}
