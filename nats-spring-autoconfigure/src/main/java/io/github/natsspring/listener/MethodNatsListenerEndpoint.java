package io.github.natsspring.listener;

import java.lang.reflect.Method;
import java.util.List;

import io.github.natsspring.listener.adapter.MessagingNatsMessageHandler;
import io.nats.client.MessageHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;

/**
 * A {@link NatsListenerEndpoint} whose messages are handled by a bean method, with arguments resolved by
 * the registrar's {@code MessageHandlerMethodFactory}.
 */
public class MethodNatsListenerEndpoint implements NatsListenerEndpoint {

	private final Object bean;

	private final Method method;

	private final String id;

	private final List<String> subjects;

	private @Nullable String queue;

	private @Nullable Integer concurrency;

	private @Nullable Boolean autoStartup;

	private @Nullable NatsListenerErrorHandler errorHandler;

	private @Nullable String sendTo;

	/**
	 * Creates an endpoint.
	 * @param id the unique listener id
	 * @param subjects the subjects to subscribe to
	 * @param bean the bean to invoke
	 * @param method the method to invoke, callable on {@code bean}
	 */
	public MethodNatsListenerEndpoint(String id, List<String> subjects, Object bean, Method method) {
		Assert.hasText(id, "id must not be empty");
		Assert.notEmpty(subjects, "subjects must not be empty");
		this.id = id;
		this.subjects = List.copyOf(subjects);
		this.bean = bean;
		this.method = method;
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

	/**
	 * Sets the queue group.
	 * @param queue the queue group, or {@code null} for plain subscriptions
	 */
	public void setQueue(@Nullable String queue) {
		this.queue = queue;
	}

	@Override
	public @Nullable Integer getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Sets the number of subscriptions sharing the queue group.
	 * @param concurrency the concurrency, or {@code null} for the default
	 */
	public void setConcurrency(@Nullable Integer concurrency) {
		this.concurrency = concurrency;
	}

	@Override
	public @Nullable Boolean getAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * Sets whether the listener starts with the context.
	 * @param autoStartup the flag, or {@code null} for the default
	 */
	public void setAutoStartup(@Nullable Boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	/**
	 * Sets the error handler of this listener.
	 * @param errorHandler the handler, or {@code null} for the registrar's default
	 */
	public void setErrorHandler(@Nullable NatsListenerErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	/**
	 * Sets the subject results are published to when a message has no reply-to subject.
	 * @param sendTo the subject, or {@code null} to drop such results
	 */
	public void setSendTo(@Nullable String sendTo) {
		this.sendTo = sendTo;
	}

	/**
	 * The bean whose method handles the messages.
	 * @return the bean
	 */
	public Object getBean() {
		return this.bean;
	}

	/**
	 * The method handling the messages.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	@Override
	public MessageHandler createMessageHandler(NatsListenerEndpointRegistrar registrar) {
		InvocableHandlerMethod handlerMethod = registrar.getMessageHandlerMethodFactory()
			.createInvocableHandlerMethod(this.bean, this.method);
		NatsListenerErrorHandler handler = (this.errorHandler != null) ? this.errorHandler : registrar.getErrorHandler();
		return new MessagingNatsMessageHandler(this.id, handlerMethod, registrar.getMessageConverter(), handler,
				this.sendTo);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.id + " " + this.subjects + " -> "
				+ this.method.getDeclaringClass().getName() + "#" + this.method.getName() + "]";
	}
}
