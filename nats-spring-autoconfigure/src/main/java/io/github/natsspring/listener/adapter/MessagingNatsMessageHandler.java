package io.github.natsspring.listener.adapter;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsspring.core.NatsHeaders;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.listener.AsyncNatsMessageHandler;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.github.natsspring.listener.NatsServiceException;
import io.github.natsspring.observation.DefaultNatsListenerReplyObservationConvention;
import io.github.natsspring.observation.NatsListenerObservation;
import io.github.natsspring.observation.NatsListenerReplyObservationConvention;
import io.github.natsspring.observation.NatsSendOperation;
import io.github.natsspring.observation.NatsSenderContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * The jnats message handler of a method listener: maps each message to a Spring message, invokes the
 * method and sends its result, immediately or when a returned {@link CompletionStage} completes, to the
 * reply-to subject or else to the {@code @SendTo} subject. A failure is answered, for requests, with an
 * empty error reply carrying {@link NatsHeaders#SERVICE_ERROR} and {@link NatsHeaders#SERVICE_ERROR_CODE}, and
 * is always passed to the error handler.
 * <p>
 * Once told to {@link #observeResults observe results}, every result and error reply is observed as
 * {@link NatsListenerObservation#REPLY_OBSERVATION}, a child of the observation current when the message arrived,
 * and an exception the method throws is recorded on that observation.
 */
public class MessagingNatsMessageHandler implements AsyncNatsMessageHandler {

	private static final Log logger = LogFactory.getLog(MessagingNatsMessageHandler.class);

	private static final int BAD_REQUEST = 400;

	private static final int INTERNAL_ERROR = 500;

	private final String listenerId;

	private final InvocableHandlerMethod handlerMethod;

	private final NatsMessageConverter messageConverter;

	private final NatsListenerErrorHandler errorHandler;

	private final @Nullable String sendTo;

	private final Set<CompletableFuture<Void>> pendingResults = ConcurrentHashMap.newKeySet();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable NatsListenerReplyObservationConvention replyObservationConvention;

	/**
	 * Creates a handler.
	 * @param listenerId the listener id, for the error handler
	 * @param handlerMethod the method to invoke
	 * @param messageConverter the converter writing results
	 * @param errorHandler told about every failure
	 * @param sendTo the subject results of messages without reply-to go to, or {@code null} to drop them
	 */
	public MessagingNatsMessageHandler(String listenerId, InvocableHandlerMethod handlerMethod,
			NatsMessageConverter messageConverter, NatsListenerErrorHandler errorHandler, @Nullable String sendTo) {
		this.listenerId = listenerId;
		this.handlerMethod = handlerMethod;
		this.messageConverter = messageConverter;
		this.errorHandler = errorHandler;
		this.sendTo = sendTo;
	}

	/**
	 * Observes the results and error replies this handler sends from now on.
	 * @param observationRegistry the registry to observe in
	 * @param replyObservationConvention the convention, or {@code null} for
	 * {@link DefaultNatsListenerReplyObservationConvention}
	 */
	public void observeResults(ObservationRegistry observationRegistry,
			@Nullable NatsListenerReplyObservationConvention replyObservationConvention) {
		this.observationRegistry = observationRegistry;
		this.replyObservationConvention = replyObservationConvention;
	}

	@Override
	public void onMessage(Message message) {
		@Nullable Observation handling = this.observationRegistry.isNoop() ? null
				: this.observationRegistry.getCurrentObservation();
		Object result;
		try {
			result = this.handlerMethod.invoke(NatsInboundMessageMapper.toMessage(message));
		}
		catch (Exception ex) {
			if (handling != null) {
				handling.error(ex);
			}
			fail(message, ex, handling);
			return;
		}
		if (result instanceof CompletionStage<?> stage) {
			trackAsyncResult(message, stage, handling);
		}
		else {
			reply(message, result, handling);
		}
	}

	private void trackAsyncResult(Message message, CompletionStage<?> stage, @Nullable Observation handling) {
		CompletableFuture<Void> handled = stage.<Void>handle((value, ex) -> {
			if (ex != null) {
				fail(message, (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex,
						handling);
			}
			else {
				reply(message, value, handling);
			}
			return null;
		}).toCompletableFuture();
		this.pendingResults.add(handled);
		handled.whenComplete((done, ex) -> this.pendingResults.remove(handled));
	}

	@Override
	public CompletableFuture<Void> pendingWork() {
		return CompletableFuture.allOf(this.pendingResults.toArray(CompletableFuture[]::new))
			.handle((done, ex) -> null);
	}

	private void reply(Message message, @Nullable Object result, @Nullable Observation handling) {
		if (result == null) {
			return;
		}
		String destination = (message.getReplyTo() != null) ? message.getReplyTo() : this.sendTo;
		if (destination == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("NATS listener '" + this.listenerId + "' returned a result for a message to '"
						+ message.getSubject() + "' without reply-to subject or @SendTo; dropping it");
			}
			return;
		}
		try {
			Headers headers = new Headers();
			byte[] payload = this.messageConverter.toPayload(result, headers);
			publish(message, destination, headers, payload, handling);
		}
		catch (RuntimeException ex) {
			fail(message, ex, handling);
		}
	}

	private void publish(Message message, String destination, Headers headers, byte[] payload,
			@Nullable Observation handling) {
		Connection connection = message.getConnection();
		if (this.observationRegistry.isNoop()) {
			connection.publish(destination, headers, payload);
			return;
		}
		NatsSendOperation operation = destination.equals(message.getReplyTo()) ? NatsSendOperation.REPLY
				: NatsSendOperation.PUBLISH;
		NatsListenerObservation.REPLY_OBSERVATION
			.observation(this.replyObservationConvention, DefaultNatsListenerReplyObservationConvention.INSTANCE,
					() -> new NatsSenderContext(headers, destination, operation), this.observationRegistry)
			.parentObservation(handling)
			.observe(() -> connection.publish(destination, headers, payload));
	}

	private void fail(Message message, Throwable error, @Nullable Observation handling) {
		if (message.getReplyTo() != null) {
			sendErrorReply(message, error, handling);
		}
		try {
			this.errorHandler.handleError(this.listenerId, message, error);
		}
		catch (RuntimeException ex) {
			logger.error("Error handler of NATS listener '" + this.listenerId + "' failed", ex);
		}
	}

	private void sendErrorReply(Message message, Throwable error, @Nullable Observation handling) {
		Headers headers = new Headers();
		headers.put(NatsHeaders.SERVICE_ERROR, headerValue(errorText(error)));
		headers.put(NatsHeaders.SERVICE_ERROR_CODE, Integer.toString(errorCode(error)));
		try {
			publish(message, message.getReplyTo(), headers, new byte[0], handling);
		}
		catch (RuntimeException ex) {
			logger.warn("NATS listener '" + this.listenerId + "' could not send an error reply to '"
					+ message.getReplyTo() + "'", ex);
		}
	}

	private static int errorCode(Throwable error) {
		if (error instanceof NatsServiceException serviceError) {
			return serviceError.getCode();
		}
		// only the arguments come from the requester; a result that cannot be written is the service's fault
		if (error instanceof MethodArgumentResolutionException || error instanceof MessageConversionException) {
			return BAD_REQUEST;
		}
		return INTERNAL_ERROR;
	}

	private static String errorText(Throwable error) {
		String text = error.getMessage();
		return (text != null && !text.isBlank()) ? text : error.getClass().getSimpleName();
	}

	/** Header values are printable ASCII on the wire; anything else, line breaks included, would corrupt them. */
	private static String headerValue(String text) {
		StringBuilder value = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			value.append((c >= 0x20 && c < 0x7f) ? c : ' ');
		}
		return value.toString().strip();
	}
}
