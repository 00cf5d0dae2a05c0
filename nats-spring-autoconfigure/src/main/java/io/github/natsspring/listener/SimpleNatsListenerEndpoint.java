package io.github.natsspring.listener;

import java.util.ArrayList;
import java.util.List;

import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link NatsListenerEndpoint} declared in code, typically from a {@link NatsListenerConfigurer}: its
 * messages go to a jnats {@link MessageHandler}. A handler that throws does not stop the listener; the
 * failure goes to the endpoint's error handler, or else to the registrar's default one.
 * <pre class="code">
 * registrar.registerEndpoint(SimpleNatsListenerEndpoint.builder("audit")
 *     .subjects("orders.&gt;")
 *     .queue("auditors")
 *     .handler((message) -&gt; audit.record(message))
 *     .build());
 * </pre>
 * Missing values take the container factory's defaults, and the endpoint is checked by the same
 * {@link NatsListenerChecks} as annotated listeners when its container is created.
 */
public final class SimpleNatsListenerEndpoint implements NatsListenerEndpoint {

	private final String id;

	private final List<String> subjects;

	private final @Nullable String queue;

	private final @Nullable Integer concurrency;

	private final @Nullable Boolean autoStartup;

	private final MessageHandler handler;

	private final @Nullable NatsListenerErrorHandler errorHandler;

	private SimpleNatsListenerEndpoint(Builder builder) {
		Assert.notEmpty(builder.subjects, () -> "NATS listener '" + builder.id + "' needs at least one subject");
		Assert.notNull(builder.handler, () -> "NATS listener '" + builder.id + "' needs a handler");
		this.id = builder.id;
		this.subjects = List.copyOf(builder.subjects);
		this.queue = builder.queue;
		this.concurrency = builder.concurrency;
		this.autoStartup = builder.autoStartup;
		this.handler = builder.handler;
		this.errorHandler = builder.errorHandler;
	}

	/**
	 * Starts building an endpoint.
	 * @param id the unique listener id, under which the registry holds its container
	 * @return the builder
	 */
	public static Builder builder(String id) {
		return new Builder(id);
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public List<String> getSubjects() {
		return this.subjects;
	}

	@Override
	public @Nullable String getQueue() {
		return this.queue;
	}

	@Override
	public @Nullable Integer getConcurrency() {
		return this.concurrency;
	}

	@Override
	public @Nullable Boolean getAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public MessageHandler createMessageHandler(NatsListenerEndpointRegistrar registrar) {
		NatsListenerErrorHandler failures = (this.errorHandler != null) ? this.errorHandler : registrar.getErrorHandler();
		return (message) -> handle(message, failures);
	}

	private void handle(Message message, NatsListenerErrorHandler failures) throws InterruptedException {
		try {
			this.handler.onMessage(message);
		}
		catch (RuntimeException ex) {
			failures.handleError(this.id, message, ex);
		}
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.id + " " + this.subjects + "]";
	}

	/**
	 * Builds a {@link SimpleNatsListenerEndpoint}.
	 */
	public static final class Builder {

		private final String id;

		private final List<String> subjects = new ArrayList<>();

		private @Nullable String queue;

		private @Nullable Integer concurrency;

		private @Nullable Boolean autoStartup;

		private @Nullable MessageHandler handler;

		private @Nullable NatsListenerErrorHandler errorHandler;

		private Builder(String id) {
			Assert.hasText(id, "A NATS listener id must not be empty");
			this.id = id;
		}

		/**
		 * Adds subjects to subscribe to; wildcards {@code *} and {@code >} are allowed as whole tokens.
		 * @param subjects the subjects
		 * @return this builder
		 */
		public Builder subjects(String... subjects) {
			this.subjects.addAll(List.of(subjects));
			return this;
		}

		/**
		 * Sets the queue group shared by the subscriptions.
		 * @param queue the queue group
		 * @return this builder
		 */
		public Builder queue(String queue) {
			this.queue = queue;
			return this;
		}

		/**
		 * Sets the number of subscriptions sharing the queue group; more than 1 requires a queue group.
		 * @param concurrency the concurrency
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Sets whether the listener starts with the application context.
		 * @param autoStartup the flag
		 * @return this builder
		 */
		public Builder autoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
			return this;
		}

		/**
		 * Sets the handler called, on the listener's dispatcher thread, for each message.
		 * @param handler the message handler
		 * @return this builder
		 */
		public Builder handler(MessageHandler handler) {
			this.handler = handler;
			return this;
		}

		/**
		 * Sets the error handler told about failures of the handler, instead of the registrar's default one.
		 * @param errorHandler the error handler
		 * @return this builder
		 */
		public Builder errorHandler(NatsListenerErrorHandler errorHandler) {
			this.errorHandler = errorHandler;
			return this;
		}

		/**
		 * Builds the endpoint.
		 * @return the endpoint
		 * @throws IllegalArgumentException if no subject or no handler was given
		 */
		public SimpleNatsListenerEndpoint build() {
			return new SimpleNatsListenerEndpoint(this);
		}
	}
}
