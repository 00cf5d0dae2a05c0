package io.github.natsspring.jetstream.listener;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.natsspring.jetstream.JetStreamHeaders;
import io.github.natsspring.listener.MessageListenerContainer;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The running side of one JetStream listener: a pull consumer on its stream (durable, or ephemeral and deleted
 * when the container stops), created or updated when the container starts, and {@code concurrency} threads that
 * each fetch a bounded batch with an expiry, hand every message to the listener as it arrives and fetch again.
 * <p>
 * With {@link AckMode#AUTO} a message is acknowledged when the listener returns and nak'd when it throws, after
 * the endpoint's backoff delay; once it has been delivered {@code maxDeliver} times and fails again it is
 * published to the dead-letter subject (with its headers and the error) and acknowledged, or terminated when
 * there is none.
 * <p>
 * Stopping stops fetching: each thread finishes the messages of the fetch under way (at most the fetch expiry),
 * then the connection is flushed so that no acknowledgement is lost. A stopped container can be started again.
 */
public class JetStreamListenerContainer implements MessageListenerContainer {

	private static final Log logger = LogFactory.getLog(JetStreamListenerContainer.class);

	private final JetStreamListenerEndpoint endpoint;

	private final int concurrency;

	private final boolean autoStartup;

	private final JetStreamMessageListener listener;

	private final NatsListenerErrorHandler errorHandler;

	private final Supplier<Connection> connection;

	private final Supplier<JetStream> jetStream;

	private final int batchSize;

	private final Duration fetchExpiry;

	private final Duration drainTimeout;

	private final Object pause = new Object();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	private @Nullable ConsumerContext consumer;

	JetStreamListenerContainer(JetStreamListenerEndpoint endpoint, int concurrency, boolean autoStartup,
			JetStreamMessageListener listener, NatsListenerErrorHandler errorHandler, Supplier<Connection> connection,
			Supplier<JetStream> jetStream, int batchSize, Duration fetchExpiry, Duration drainTimeout) {
		this.endpoint = endpoint;
		this.concurrency = concurrency;
		this.autoStartup = autoStartup;
		this.listener = listener;
		this.errorHandler = errorHandler;
		this.connection = connection;
		this.jetStream = jetStream;
		this.batchSize = batchSize;
		this.fetchExpiry = fetchExpiry;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public String getId() {
		return this.endpoint.getId();
	}

	/**
	 * The endpoint this container runs.
	 * @return the endpoint
	 */
	public JetStreamListenerEndpoint getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The number of fetching threads.
	 * @return the concurrency
	 */
	public int getConcurrency() {
		return this.concurrency;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * The name of the consumer, once started.
	 * @return the durable name, the name the ephemeral consumer got, or {@code null} before the first start
	 */
	public synchronized @Nullable String getConsumerName() {
		return (this.consumer != null) ? this.consumer.getConsumerName() : null;
	}

	/**
	 * Creates or updates the consumer and starts the fetching threads. Does nothing when already running.
	 * @throws IllegalStateException if the consumer cannot be created
	 */
	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.consumer = createConsumer(this.jetStream.get());
		this.running = true;
		for (int i = 0; i < this.concurrency; i++) {
			Thread worker = new Thread(this::fetchLoop, "jetstream-" + getId() + "-" + (i + 1));
			worker.setDaemon(true);
			this.workers.add(worker);
			worker.start();
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Started JetStream listener '" + getId() + "' on stream '" + this.endpoint.getStream()
					+ "', consumer '" + this.consumer.getConsumerName() + "', with " + this.concurrency + " thread(s)");
		}
	}

	private ConsumerContext createConsumer(JetStream jetStream) {
		ConsumerConfiguration.Builder configuration = ConsumerConfiguration.builder()
			.ackPolicy(AckPolicy.Explicit)
			.maxDeliver(this.endpoint.getMaxDeliver());
		if (this.endpoint.getDurable() != null) {
			configuration.durable(this.endpoint.getDurable());
		}
		List<String> subjects = this.endpoint.getSubjects();
		if (subjects.size() == 1) {
			configuration.filterSubject(subjects.get(0));
		}
		else if (!subjects.isEmpty()) {
			configuration.filterSubjects(subjects);
		}
		String problem = "JetStream listener '" + getId() + "' could not create its consumer on stream '"
				+ this.endpoint.getStream() + "': ";
		try {
			return jetStream.getStreamContext(this.endpoint.getStream()).createOrUpdateConsumer(configuration.build());
		}
		catch (JetStreamApiException ex) {
			throw new IllegalStateException(problem + ex.getErrorDescription() + " (err_code " + ex.getApiErrorCode()
					+ ")", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(problem + ex.getMessage(), ex);
		}
	}

	private void fetchLoop() {
		FetchConsumeOptions options = FetchConsumeOptions.builder()
			.maxMessages(this.batchSize)
			.expiresIn(this.fetchExpiry.toMillis())
			.build();
		ConsumerContext consumer = this.consumer;
		while (this.running && consumer != null) {
			try (FetchConsumer fetch = consumer.fetch(options)) {
				for (Message message = fetch.nextMessage(); message != null; message = fetch.nextMessage()) {
					handle(message);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				if (this.running) {
					logger.warn("JetStream listener '" + getId() + "' could not fetch from stream '"
							+ this.endpoint.getStream() + "'; retrying in a second", ex);
					pauseAfterFailure();
				}
			}
		}
	}

	private void pauseAfterFailure() {
		synchronized (this.pause) {
			try {
				if (this.running) {
					this.pause.wait(1000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void handle(Message message) {
		try {
			this.listener.onMessage(message);
		}
		catch (Throwable ex) {
			fail(message, ex);
			return;
		}
		if (this.endpoint.getAckMode() == AckMode.AUTO) {
			message.ack();
		}
	}

	private void fail(Message message, Throwable error) {
		try {
			this.errorHandler.handleError(getId(), message, error);
		}
		catch (RuntimeException ex) {
			logger.error("Error handler of JetStream listener '" + getId() + "' failed", ex);
		}
		if (this.endpoint.getAckMode() != AckMode.AUTO) {
			return;
		}
		long delivered = message.metaData().deliveredCount();
		long maxDeliver = this.endpoint.getMaxDeliver();
		if (maxDeliver > 0 && delivered >= maxDeliver) {
			giveUp(message, error);
			return;
		}
		List<Duration> backoff = this.endpoint.getBackoff();
		if (backoff.isEmpty()) {
			message.nak();
		}
		else {
			message.nakWithDelay(backoff.get((int) Math.min(delivered, backoff.size()) - 1));
		}
	}

	private void giveUp(Message message, Throwable error) {
		String deadLetterSubject = this.endpoint.getDeadLetterSubject();
		if (deadLetterSubject == null) {
			message.term();
			return;
		}
		NatsJetStreamMetaData metaData = message.metaData();
		Headers headers = (message.getHeaders() != null) ? new Headers(message.getHeaders()) : new Headers();
		headers.put(JetStreamHeaders.DEAD_LETTER_ERROR, headerValue(errorText(error)));
		headers.put(JetStreamHeaders.DEAD_LETTER_EXCEPTION, error.getClass().getName());
		headers.put(JetStreamHeaders.DEAD_LETTER_SUBJECT, message.getSubject());
		headers.put(JetStreamHeaders.DEAD_LETTER_STREAM, metaData.getStream());
		headers.put(JetStreamHeaders.DEAD_LETTER_SEQUENCE, Long.toString(metaData.streamSequence()));
		headers.put(JetStreamHeaders.DEAD_LETTER_DELIVERIES, Long.toString(metaData.deliveredCount()));
		try {
			this.jetStream.get().publish(deadLetterSubject, headers, message.getData());
			message.ack();
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			// the server delivers it no more: this log line is all that is left of the message
			logger.error("JetStream listener '" + getId() + "' could not publish stream '" + metaData.getStream()
					+ "' sequence " + metaData.streamSequence() + " to dead-letter subject '" + deadLetterSubject
					+ "'", ex);
			message.term();
		}
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

	/**
	 * Stops fetching and waits, at most the drain timeout, for the threads to finish their fetch under way.
	 */
	@Override
	public void stop() {
		try {
			drain().get(this.drainTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("JetStream listener '" + getId() + "' did not stop cleanly", ex);
		}
	}

	/**
	 * Stops fetching; the threads finish the messages of their fetch under way. Does nothing when not running.
	 * @return a future completing when the threads have ended and the acknowledgements are flushed, or when the
	 * drain timeout has passed
	 */
	@Override
	public synchronized CompletableFuture<Void> drain() {
		if (!this.running) {
			return CompletableFuture.completedFuture(null);
		}
		this.running = false;
		synchronized (this.pause) {
			this.pause.notifyAll();
		}
		List<Thread> stopping = List.copyOf(this.workers);
		this.workers.clear();
		ConsumerContext consumer = this.consumer;
		return CompletableFuture.runAsync(() -> awaitStopped(stopping, consumer));
	}

	private void awaitStopped(List<Thread> stopping, @Nullable ConsumerContext consumer) {
		long deadline = System.nanoTime() + this.drainTimeout.toNanos();
		try {
			for (Thread worker : stopping) {
				long left = deadline - System.nanoTime();
				if (left > 0) {
					worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
				}
				if (worker.isAlive()) {
					logger.warn("JetStream listener '" + getId() + "' did not finish its fetch within "
							+ this.drainTimeout);
				}
			}
			Connection connection = this.connection.get();
			if (connection.getStatus() == Connection.Status.CONNECTED) {
				connection.flush(this.drainTimeout);
				if (this.endpoint.getDurable() == null && consumer != null) {
					this.jetStream.get()
						.getStreamContext(this.endpoint.getStream())
						.deleteConsumer(consumer.getConsumerName());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (TimeoutException | IOException | JetStreamApiException | RuntimeException ex) {
			logger.debug("JetStream listener '" + getId() + "': flushing or removing the consumer failed", ex);
		}
	}

	/**
	 * Whether the container fetches.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public String toString() {
		return "JetStreamListenerContainer[" + getId() + " stream=" + this.endpoint.getStream() + " concurrency="
				+ this.concurrency + "]";
	}
}
