package io.github.natsspring.jetstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.natsspring.listener.NatsListenerErrorHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The model of one JetStream listener: the stream and consumer it reads, how it acknowledges, and how failed
 * messages are delivered again. Immutable; built with {@link #builder(String, String)}.
 */
public final class JetStreamListenerEndpoint {

	private final String id;

	private final String stream;

	private final @Nullable String durable;

	private final List<String> subjects;

	private final @Nullable Integer concurrency;

	private final AckMode ackMode;

	private final long maxDeliver;

	private final List<Duration> backoff;

	private final @Nullable String deadLetterSubject;

	private final @Nullable Boolean autoStartup;

	private final @Nullable NatsListenerErrorHandler errorHandler;

	private JetStreamListenerEndpoint(Builder builder) {
		this.id = builder.id;
		this.stream = builder.stream;
		this.durable = builder.durable;
		this.subjects = List.copyOf(builder.subjects);
		this.concurrency = builder.concurrency;
		this.ackMode = builder.ackMode;
		this.maxDeliver = builder.maxDeliver;
		this.backoff = List.copyOf(builder.backoff);
		this.deadLetterSubject = builder.deadLetterSubject;
		this.autoStartup = builder.autoStartup;
		this.errorHandler = builder.errorHandler;
	}

	/**
	 * Starts an endpoint.
	 * @param id the unique listener id
	 * @param stream the stream to consume
	 * @return the builder
	 */
	public static Builder builder(String id, String stream) {
		return new Builder(id, stream);
	}

	/**
	 * The unique listener id.
	 * @return the id
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * The stream consumed.
	 * @return the stream name
	 */
	public String getStream() {
		return this.stream;
	}

	/**
	 * The durable consumer's name.
	 * @return the name, or {@code null} for an ephemeral consumer, removed by the server once the listener stops
	 */
	public @Nullable String getDurable() {
		return this.durable;
	}

	/**
	 * The filter subjects of the consumer.
	 * @return the subjects, empty for every subject of the stream
	 */
	public List<String> getSubjects() {
		return this.subjects;
	}

	/**
	 * The number of threads fetching from the consumer.
	 * @return the concurrency, or {@code null} for the factory's default
	 */
	public @Nullable Integer getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Who acknowledges messages.
	 * @return the ack mode
	 */
	public AckMode getAckMode() {
		return this.ackMode;
	}

	/**
	 * How often a message is delivered at most.
	 * @return the limit, or -1 for none
	 */
	public long getMaxDeliver() {
		return this.maxDeliver;
	}

	/**
	 * The delays before a failed message is delivered again: the first after the first failure, and so on, the
	 * last one for every later failure.
	 * @return the delays, empty for an immediate redelivery
	 */
	public List<Duration> getBackoff() {
		return this.backoff;
	}

	/**
	 * The subject messages that failed their last delivery are published to.
	 * @return the subject, or {@code null} to drop them
	 */
	public @Nullable String getDeadLetterSubject() {
		return this.deadLetterSubject;
	}

	/**
	 * Whether the listener starts with the context.
	 * @return the flag, or {@code null} for the factory's default
	 */
	public @Nullable Boolean getAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * The error handler told about failures.
	 * @return the handler, or {@code null} for the factory's
	 */
	public @Nullable NatsListenerErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	@Override
	public String toString() {
		return "JetStreamListenerEndpoint[" + this.id + " stream=" + this.stream
				+ ((this.durable != null) ? " durable=" + this.durable : "") + " subjects=" + this.subjects
				+ " ackMode=" + this.ackMode + "]";
	}

	/** Builds a {@link JetStreamListenerEndpoint}. */
	public static final class Builder {

		private final String id;

		private final String stream;

		private @Nullable String durable;

		private List<String> subjects = List.of();

		private @Nullable Integer concurrency;

		private AckMode ackMode = AckMode.AUTO;

		private long maxDeliver = -1;

		private List<Duration> backoff = List.of();

		private @Nullable String deadLetterSubject;

		private @Nullable Boolean autoStartup;

		private @Nullable NatsListenerErrorHandler errorHandler;

		private Builder(String id, String stream) {
			Assert.hasText(id, "id must not be empty");
			Assert.hasText(stream, "stream must not be empty");
			this.id = id;
			this.stream = stream;
		}

		/**
		 * Sets the durable consumer's name.
		 * @param durable the name, or {@code null} for an ephemeral consumer
		 * @return this builder
		 */
		public Builder durable(@Nullable String durable) {
			this.durable = durable;
			return this;
		}

		/**
		 * Sets the filter subjects.
		 * @param subjects the subjects, empty for the whole stream
		 * @return this builder
		 */
		public Builder subjects(List<String> subjects) {
			this.subjects = Objects.requireNonNull(subjects, "subjects");
			return this;
		}

		/**
		 * Sets the number of fetching threads.
		 * @param concurrency the concurrency, or {@code null} for the factory's default
		 * @return this builder
		 */
		public Builder concurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Sets who acknowledges messages.
		 * @param ackMode the ack mode
		 * @return this builder
		 */
		public Builder ackMode(AckMode ackMode) {
			this.ackMode = Objects.requireNonNull(ackMode, "ackMode");
			return this;
		}

		/**
		 * Sets how often a message is delivered at most.
		 * @param maxDeliver the limit, or -1 for none
		 * @return this builder
		 */
		public Builder maxDeliver(long maxDeliver) {
			this.maxDeliver = maxDeliver;
			return this;
		}

		/**
		 * Sets the delays before failed messages are delivered again.
		 * @param backoff the delays
		 * @return this builder
		 */
		public Builder backoff(List<Duration> backoff) {
			this.backoff = Objects.requireNonNull(backoff, "backoff");
			return this;
		}

		/**
		 * Sets the subject messages that failed their last delivery are published to.
		 * @param deadLetterSubject the subject, or {@code null}
		 * @return this builder
		 */
		public Builder deadLetterSubject(@Nullable String deadLetterSubject) {
			this.deadLetterSubject = deadLetterSubject;
			return this;
		}

		/**
		 * Sets whether the listener starts with the context.
		 * @param autoStartup the flag, or {@code null} for the factory's default
		 * @return this builder
		 */
		public Builder autoStartup(@Nullable Boolean autoStartup) {
			this.autoStartup = autoStartup;
			return this;
		}

		/**
		 * Sets the error handler of this listener.
		 * @param errorHandler the handler, or {@code null} for the factory's
		 * @return this builder
		 */
		public Builder errorHandler(@Nullable NatsListenerErrorHandler errorHandler) {
			this.errorHandler = errorHandler;
			return this;
		}

		/**
		 * Builds the endpoint.
		 * @return the endpoint
		 */
		public JetStreamListenerEndpoint build() {
			return new JetStreamListenerEndpoint(this);
		}
	}
}
