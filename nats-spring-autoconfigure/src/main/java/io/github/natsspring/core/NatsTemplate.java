package io.github.natsspring.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsspring.observation.DefaultNatsTemplateObservationConvention;
import io.github.natsspring.observation.NatsSendOperation;
import io.github.natsspring.observation.NatsSenderContext;
import io.github.natsspring.observation.NatsTemplateObservation;
import io.github.natsspring.observation.NatsTemplateObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.nats.client.support.NatsRequestCompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link NatsOperations}: publishes and requests on a jnats {@link Connection}, converting objects
 * with a {@link NatsMessageConverter}. Thread-safe once configured.
 * <p>
 * Given an {@link ObservationRegistry}, every publish and request is observed as
 * {@link NatsTemplateObservation#TEMPLATE_OBSERVATION}, with the trace context written into the message's headers.
 */
public class NatsTemplate implements NatsOperations {

	private static final int NO_RESPONDERS_STATUS = 503;

	private static final int DEFAULT_SERVICE_ERROR_CODE = 500;

	private final Connection connection;

	private final NatsMessageConverter messageConverter;

	private Duration defaultRequestTimeout = Duration.ofSeconds(5);

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable NatsTemplateObservationConvention observationConvention;

	/**
	 * Creates a template.
	 * @param connection the connection to publish and request on
	 * @param messageConverter converts objects to payloads and replies back to objects
	 */
	public NatsTemplate(Connection connection, NatsMessageConverter messageConverter) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.messageConverter = Objects.requireNonNull(messageConverter, "messageConverter");
	}

	/** The connection this template uses. */
	public Connection getConnection() {
		return this.connection;
	}

	/** The converter this template uses. */
	public NatsMessageConverter getMessageConverter() {
		return this.messageConverter;
	}

	/** How long requests without an explicit timeout wait for their reply. */
	public Duration getDefaultRequestTimeout() {
		return this.defaultRequestTimeout;
	}

	/**
	 * Sets how long requests without an explicit timeout wait for their reply.
	 * @param defaultRequestTimeout a positive duration
	 */
	public void setDefaultRequestTimeout(Duration defaultRequestTimeout) {
		if (defaultRequestTimeout.isNegative() || defaultRequestTimeout.isZero()) {
			throw new IllegalArgumentException("defaultRequestTimeout must be positive, was " + defaultRequestTimeout);
		}
		this.defaultRequestTimeout = defaultRequestTimeout;
	}

	/**
	 * Sets the registry publishes and requests are observed in; {@link ObservationRegistry#NOOP}, the default,
	 * observes nothing.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
	}

	/**
	 * Sets the convention naming and tagging the observations, in place of
	 * {@link DefaultNatsTemplateObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable NatsTemplateObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public void publish(String subject, byte[] payload) {
		publish(subject, payload, null);
	}

	@Override
	public void publish(String subject, byte[] payload, @Nullable Headers headers) {
		if (this.observationRegistry.isNoop()) {
			this.connection.publish(subject, headers, payload);
			return;
		}
		Headers traced = copyOf(headers);
		observation(traced, subject, NatsSendOperation.PUBLISH)
			.observe(() -> this.connection.publish(subject, traced, payload));
	}

	@Override
	public void convertAndSend(String subject, Object payload) {
		convertAndSend(subject, payload, null);
	}

	@Override
	public void convertAndSend(String subject, Object payload, @Nullable Headers headers) {
		Headers outgoing = copyOf(headers);
		byte[] body = this.messageConverter.toPayload(payload, outgoing);
		publish(subject, body, nullIfEmpty(outgoing));
	}

	@Override
	public Message request(String subject, byte[] payload) {
		return request(subject, payload, null, this.defaultRequestTimeout);
	}

	@Override
	public Message request(String subject, byte[] payload, Duration timeout) {
		return request(subject, payload, null, timeout);
	}

	@Override
	public Message request(String subject, byte[] payload, @Nullable Headers headers, Duration timeout) {
		return await(subject, requestAsync(subject, payload, headers, timeout));
	}

	@Override
	public CompletableFuture<Message> requestAsync(String subject, byte[] payload, Duration timeout) {
		return requestAsync(subject, payload, null, timeout);
	}

	@Override
	public CompletableFuture<Message> requestAsync(String subject, byte[] payload, @Nullable Headers headers,
			Duration timeout) {
		if (this.observationRegistry.isNoop()) {
			return sendRequest(subject, payload, headers, timeout);
		}
		Headers traced = copyOf(headers);
		Observation observation = observation(traced, subject, NatsSendOperation.REQUEST).start();
		CompletableFuture<Message> reply;
		try (Observation.Scope scope = observation.openScope()) {
			reply = sendRequest(subject, payload, traced, timeout);
		}
		catch (RuntimeException ex) {
			observation.error(ex).stop();
			throw ex;
		}
		return reply.whenComplete((message, failure) -> {
			if (failure != null) {
				observation.error(unwrap(failure));
			}
			observation.stop();
		});
	}

	private CompletableFuture<Message> sendRequest(String subject, byte[] payload, @Nullable Headers headers,
			Duration timeout) {
		Message request = NatsMessage.builder().subject(subject).headers(headers).data(payload).build();
		CompletableFuture<Message> pending = this.connection.requestWithTimeout(request, timeout);
		return pending.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).handle((reply, failure) -> {
			if (failure != null) {
				throw translate(subject, timeout, pending, failure);
			}
			return verified(subject, reply);
		});
	}

	private Observation observation(Headers headers, String subject, NatsSendOperation operation) {
		return NatsTemplateObservation.TEMPLATE_OBSERVATION.observation(this.observationConvention,
				DefaultNatsTemplateObservationConvention.INSTANCE,
				() -> new NatsSenderContext(headers, subject, operation), this.observationRegistry);
	}

	@Override
	public <T> @Nullable T convertSendAndReceive(String subject, Object request, Class<T> replyType) {
		return convertSendAndReceive(subject, request, replyType, this.defaultRequestTimeout);
	}

	@Override
	public <T> @Nullable T convertSendAndReceive(String subject, Object request, Class<T> replyType,
			Duration timeout) {
		return await(subject, convertSendAndReceiveAsync(subject, request, replyType, timeout));
	}

	@Override
	public <T> CompletableFuture<T> convertSendAndReceiveAsync(String subject, Object request, Class<T> replyType) {
		return convertSendAndReceiveAsync(subject, request, replyType, this.defaultRequestTimeout);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> convertSendAndReceiveAsync(String subject, Object request, Class<T> replyType,
			Duration timeout) {
		Headers headers = new Headers();
		byte[] body = this.messageConverter.toPayload(request, headers);
		return requestAsync(subject, body, nullIfEmpty(headers), timeout)
			.thenApply((reply) -> (T) this.messageConverter.fromPayload(reply.getData(), reply.getHeaders(), replyType));
	}

	private Message verified(String subject, Message reply) {
		if (reply.isStatusMessage() && reply.getStatus().getCode() == NO_RESPONDERS_STATUS) {
			throw new NatsNoRespondersException(subject);
		}
		Headers headers = reply.getHeaders();
		if (headers != null && headers.containsKey(NatsHeaders.SERVICE_ERROR)) {
			throw new NatsServiceErrorException(subject, serviceErrorCode(headers),
					headers.getFirst(NatsHeaders.SERVICE_ERROR));
		}
		return reply;
	}

	private static int serviceErrorCode(Headers headers) {
		String code = headers.getFirst(NatsHeaders.SERVICE_ERROR_CODE);
		if (code == null) {
			return DEFAULT_SERVICE_ERROR_CODE;
		}
		try {
			return Integer.parseInt(code.trim());
		}
		catch (NumberFormatException ex) {
			return DEFAULT_SERVICE_ERROR_CODE;
		}
	}

	private static RuntimeException translate(String subject, Duration timeout, CompletableFuture<Message> pending,
			Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof TimeoutException) {
			return new NatsRequestTimeoutException(subject, timeout);
		}
		if (cause instanceof JetStreamStatusException status && status.getStatus().getCode() == NO_RESPONDERS_STATUS) {
			return new NatsNoRespondersException(subject);
		}
		if (cause instanceof CancellationException && pending instanceof NatsRequestCompletableFuture request) {
			if (request.wasCancelledTimedOut()) {
				return new NatsRequestTimeoutException(subject, timeout);
			}
			if (request.wasCancelledClosing()) {
				return new NatsRequestException(subject, "Connection closed before a reply arrived", cause);
			}
			// jnats cancels the request future, without a message, when the server answers 503 no responders
			return new NatsNoRespondersException(subject);
		}
		if (cause instanceof RuntimeException runtime && !(cause instanceof CancellationException)) {
			return runtime;
		}
		return new NatsRequestException(subject, "Request failed", cause);
	}

	private static <T> T await(String subject, CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = unwrap(ex);
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new NatsRequestException(subject, "Request failed", cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsRequestException(subject, "Interrupted while waiting for the reply", ex);
		}
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static Headers copyOf(@Nullable Headers headers) {
		return (headers != null) ? new Headers(headers) : new Headers();
	}

	private static @Nullable Headers nullIfEmpty(Headers headers) {
		return headers.isEmpty() ? null : headers;
	}
}
