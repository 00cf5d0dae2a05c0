package io.github.natsspring.jetstream;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.github.natsspring.core.NatsMessageConverter;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link JetStreamOperations}, on a jnats {@link JetStream} context and a {@link NatsMessageConverter}.
 * The context is looked up on each publish, so a template can be created before its connection has reached a
 * server. Thread-safe.
 */
public class JetStreamTemplate implements JetStreamOperations {

	private final Supplier<JetStream> jetStream;

	private final NatsMessageConverter messageConverter;

	/**
	 * Creates a template on a context.
	 * @param jetStream the JetStream context
	 * @param messageConverter converts payloads
	 */
	public JetStreamTemplate(JetStream jetStream, NatsMessageConverter messageConverter) {
		this(supplierOf(jetStream), messageConverter);
	}

	/**
	 * Creates a template looking its context up on each publish.
	 * @param jetStream supplies the JetStream context
	 * @param messageConverter converts payloads
	 */
	public JetStreamTemplate(Supplier<JetStream> jetStream, NatsMessageConverter messageConverter) {
		this.jetStream = Objects.requireNonNull(jetStream, "jetStream");
		this.messageConverter = Objects.requireNonNull(messageConverter, "messageConverter");
	}

	private static Supplier<JetStream> supplierOf(JetStream jetStream) {
		Objects.requireNonNull(jetStream, "jetStream");
		return () -> jetStream;
	}

	/**
	 * The converter this template uses.
	 * @return the converter
	 */
	public NatsMessageConverter getMessageConverter() {
		return this.messageConverter;
	}

	@Override
	public PublishAck publish(String subject, Object payload) {
		return publish(subject, payload, null, null);
	}

	@Override
	public PublishAck publish(String subject, Object payload, @Nullable Headers headers) {
		return publish(subject, payload, headers, null);
	}

	@Override
	public PublishAck publish(String subject, Object payload, @Nullable PublishOptions options) {
		return publish(subject, payload, null, options);
	}

	@Override
	public PublishAck publish(String subject, Object payload, @Nullable Headers headers,
			@Nullable PublishOptions options) {
		Headers outgoing = (headers != null) ? new Headers(headers) : new Headers();
		byte[] data = this.messageConverter.toPayload(payload, outgoing);
		try {
			return this.jetStream.get().publish(subject, outgoing, data, options);
		}
		catch (JetStreamApiException ex) {
			throw new NatsJetStreamException("JetStream publish to '" + subject + "' was rejected", ex);
		}
		catch (IOException ex) {
			throw new NatsJetStreamException("JetStream publish to '" + subject + "' failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public CompletableFuture<PublishAck> publishAsync(String subject, Object payload) {
		return publishAsync(subject, payload, null, null);
	}

	@Override
	public CompletableFuture<PublishAck> publishAsync(String subject, Object payload, @Nullable Headers headers) {
		return publishAsync(subject, payload, headers, null);
	}

	@Override
	public CompletableFuture<PublishAck> publishAsync(String subject, Object payload,
			@Nullable PublishOptions options) {
		return publishAsync(subject, payload, null, options);
	}

	@Override
	public CompletableFuture<PublishAck> publishAsync(String subject, Object payload, @Nullable Headers headers,
			@Nullable PublishOptions options) {
		Headers outgoing = (headers != null) ? new Headers(headers) : new Headers();
		byte[] data = this.messageConverter.toPayload(payload, outgoing);
		CompletableFuture<PublishAck> result = new CompletableFuture<>();
		this.jetStream.get().publishAsync(subject, outgoing, data, options).whenComplete((ack, ex) -> {
			if (ex == null) {
				result.complete(ack);
			}
			else {
				result.completeExceptionally(translate(subject, ex));
			}
		});
		return result;
	}

	private static RuntimeException translate(String subject, Throwable failure) {
		// jnats completes the future with the API error wrapped once or twice
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JetStreamApiException apiError) {
				return new NatsJetStreamException("JetStream publish to '" + subject + "' was rejected", apiError);
			}
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return new NatsJetStreamException("JetStream publish to '" + subject + "' failed: " + cause.getMessage(),
				cause);
	}
}
