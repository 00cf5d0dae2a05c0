package io.github.natsspring.broker.jetstream.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of a stream that its store enforces, taken from the stream's configuration. Counts and sizes of 0
 * or less mean unlimited, as nats-server's {@code -1}; a zero {@code max_age} means messages never expire.
 * Immutable; build one with {@link #builder()}.
 */
public final class StoreLimits {

	private static final StoreLimits NONE = builder().build();

	private final long maxMessages;

	private final long maxBytes;

	private final Duration maxAge;

	private final long maxMessagesPerSubject;

	private final long maxMessageSize;

	private final DiscardPolicy discard;

	private final boolean discardNewPerSubject;

	private StoreLimits(Builder builder) {
		this.maxMessages = builder.maxMessages;
		this.maxBytes = builder.maxBytes;
		this.maxAge = Objects.requireNonNull(builder.maxAge, "maxAge");
		if (this.maxAge.isNegative()) {
			throw new IllegalArgumentException("maxAge must not be negative, was " + this.maxAge);
		}
		this.maxMessagesPerSubject = builder.maxMessagesPerSubject;
		this.maxMessageSize = builder.maxMessageSize;
		this.discard = Objects.requireNonNull(builder.discard, "discard");
		this.discardNewPerSubject = builder.discardNewPerSubject;
	}

	/**
	 * No limits, discarding old messages: a stream created with nothing but a name and subjects.
	 * @return limits that never remove or refuse a message
	 */
	public static StoreLimits none() {
		return NONE;
	}

	/**
	 * A builder starting from no limits.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The most messages held ({@code max_msgs}).
	 * @return the limit, 0 or less for none
	 */
	public long maxMessages() {
		return this.maxMessages;
	}

	/**
	 * The most bytes held ({@code max_bytes}), counted as the store counts {@link StreamState#bytes()}.
	 * @return the limit, 0 or less for none
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * How long a message is kept ({@code max_age}).
	 * @return the age past which messages are removed, zero for never
	 */
	public Duration maxAge() {
		return this.maxAge;
	}

	/**
	 * The most messages held per subject ({@code max_msgs_per_subject}); past it the subject's oldest goes.
	 * @return the limit, 0 or less for none
	 */
	public long maxMessagesPerSubject() {
		return this.maxMessagesPerSubject;
	}

	/**
	 * The largest message accepted ({@code max_msg_size}), headers and payload together.
	 * @return bytes, 0 or less for no limit
	 */
	public long maxMessageSize() {
		return this.maxMessageSize;
	}

	/**
	 * What happens at the message or byte limit ({@code discard}).
	 * @return the discard policy
	 */
	public DiscardPolicy discard() {
		return this.discard;
	}

	/**
	 * Whether, discarding new, a subject at its per-subject limit refuses new messages
	 * ({@code discard_new_per_subject}) rather than dropping its oldest.
	 * @return whether the per-subject limit refuses
	 */
	public boolean discardNewPerSubject() {
		return this.discardNewPerSubject;
	}

	/**
	 * Builds {@link StoreLimits}.
	 */
	public static final class Builder {

		private long maxMessages = -1;

		private long maxBytes = -1;

		private Duration maxAge = Duration.ZERO;

		private long maxMessagesPerSubject = -1;

		private long maxMessageSize = -1;

		private DiscardPolicy discard = DiscardPolicy.OLD;

		private boolean discardNewPerSubject;

		private Builder() {
		}

		/**
		 * Sets {@code max_msgs}.
		 * @param maxMessages the most messages, 0 or less for none
		 * @return this builder
		 */
		public Builder maxMessages(long maxMessages) {
			this.maxMessages = maxMessages;
			return this;
		}

		/**
		 * Sets {@code max_bytes}.
		 * @param maxBytes the most bytes, 0 or less for none
		 * @return this builder
		 */
		public Builder maxBytes(long maxBytes) {
			this.maxBytes = maxBytes;
			return this;
		}

		/**
		 * Sets {@code max_age}.
		 * @param maxAge the age past which messages are removed, zero for never
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			this.maxAge = maxAge;
			return this;
		}

		/**
		 * Sets {@code max_msgs_per_subject}.
		 * @param maxMessagesPerSubject the most messages per subject, 0 or less for none
		 * @return this builder
		 */
		public Builder maxMessagesPerSubject(long maxMessagesPerSubject) {
			this.maxMessagesPerSubject = maxMessagesPerSubject;
			return this;
		}

		/**
		 * Sets {@code max_msg_size}.
		 * @param maxMessageSize the largest message in bytes, 0 or less for no limit
		 * @return this builder
		 */
		public Builder maxMessageSize(long maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * Sets {@code discard}.
		 * @param discard the discard policy
		 * @return this builder
		 */
		public Builder discard(DiscardPolicy discard) {
			this.discard = discard;
			return this;
		}

		/**
		 * Sets {@code discard_new_per_subject}.
		 * @param discardNewPerSubject whether a subject at its limit refuses new messages when discarding new
		 * @return this builder
		 */
		public Builder discardNewPerSubject(boolean discardNewPerSubject) {
			this.discardNewPerSubject = discardNewPerSubject;
			return this;
		}

		/**
		 * Builds the limits.
		 * @return immutable limits
		 */
		public StoreLimits build() {
			return new StoreLimits(this);
		}
	}
}
