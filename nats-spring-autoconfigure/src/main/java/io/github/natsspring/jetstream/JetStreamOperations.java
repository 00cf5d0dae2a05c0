package io.github.natsspring.jetstream;

import java.util.concurrent.CompletableFuture;

import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Publishing into JetStream streams: each publish waits for (or, asynchronously, completes with) the stream's
 * acknowledgement. Payloads are converted as {@link io.github.natsspring.core.NatsOperations} converts them.
 * Failures raise {@link NatsJetStreamException}, carrying the server's {@code err_code} when it rejected the message.
 */
public interface JetStreamOperations {

	/**
	 * Converts and publishes a payload, waiting for the stream's acknowledgement.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @return the acknowledgement: stream, sequence, whether it was a duplicate
	 * @throws NatsJetStreamException if no stream stored the message
	 */
	PublishAck publish(String subject, Object payload);

	/**
	 * Converts and publishes a payload with headers, waiting for the stream's acknowledgement.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @param headers headers to send, or {@code null}
	 * @return the acknowledgement
	 * @throws NatsJetStreamException if no stream stored the message
	 */
	PublishAck publish(String subject, Object payload, @Nullable Headers headers);

	/**
	 * Converts and publishes a payload with publish options (message id for de-duplication, expected stream,
	 * last sequence or last message id), waiting for the stream's acknowledgement.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @param options the options, or {@code null}
	 * @return the acknowledgement
	 * @throws NatsJetStreamException if no stream stored the message, or an expectation failed
	 */
	PublishAck publish(String subject, Object payload, @Nullable PublishOptions options);

	/**
	 * Converts and publishes a payload with headers and publish options, waiting for the acknowledgement.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @param headers headers to send, or {@code null}
	 * @param options the options, or {@code null}
	 * @return the acknowledgement
	 * @throws NatsJetStreamException if no stream stored the message, or an expectation failed
	 */
	PublishAck publish(String subject, Object payload, @Nullable Headers headers, @Nullable PublishOptions options);

	/**
	 * Converts and publishes a payload without waiting.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @return a future completing with the acknowledgement, or with a {@link NatsJetStreamException}
	 */
	CompletableFuture<PublishAck> publishAsync(String subject, Object payload);

	/**
	 * Converts and publishes a payload with headers without waiting.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @param headers headers to send, or {@code null}
	 * @return a future completing with the acknowledgement, or with a {@link NatsJetStreamException}
	 */
	CompletableFuture<PublishAck> publishAsync(String subject, Object payload, @Nullable Headers headers);

	/**
	 * Converts and publishes a payload with publish options without waiting.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @param options the options, or {@code null}
	 * @return a future completing with the acknowledgement, or with a {@link NatsJetStreamException}
	 */
	CompletableFuture<PublishAck> publishAsync(String subject, Object payload, @Nullable PublishOptions options);

	/**
	 * Converts and publishes a payload with headers and publish options without waiting.
	 * @param subject a subject a stream captures
	 * @param payload the payload, converted by the message converter
	 * @param headers headers to send, or {@code null}
	 * @param options the options, or {@code null}
	 * @return a future completing with the acknowledgement, or with a {@link NatsJetStreamException}
	 */
	CompletableFuture<PublishAck> publishAsync(String subject, Object payload, @Nullable Headers headers,
			@Nullable PublishOptions options);
}
