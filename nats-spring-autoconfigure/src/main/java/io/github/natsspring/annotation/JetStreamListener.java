package io.github.natsspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.natsspring.jetstream.listener.AckMode;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as the handler of the messages of a JetStream stream, read through a pull consumer.
 * Arguments are resolved as for {@link NatsListener @NatsListener} (payload, {@code @Header}, {@code @Headers},
 * {@code Message<?>}, the jnats {@link io.nats.client.Message} with its JetStream metadata and ack methods, the
 * {@link io.nats.client.Connection}); the return value is ignored. Attributes other than {@link #ackMode()} accept
 * {@code ${...}} placeholders.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(NatsListenerReflectiveProcessor.class)
public @interface JetStreamListener {

	/**
	 * The stream to consume.
	 * @return the stream name
	 */
	String stream();

	/**
	 * The durable consumer's name; the consumer and its position survive restarts, and listeners in several
	 * instances of the application with the same name share its messages. Empty for an ephemeral consumer that
	 * starts at the beginning of the stream and is removed when the listener stops.
	 * @return the durable name
	 */
	String durable() default "";

	/**
	 * Filter subjects: only messages of the stream published to these are delivered. Empty for all (a server
	 * before 2.10 takes one filter subject at most).
	 * @return the filter subjects
	 */
	String[] subjects() default {};

	/**
	 * Number of threads fetching from the consumer; defaults to {@code nats.jetstream.listener.concurrency}, 1.
	 * @return the concurrency, as a number or a placeholder
	 */
	String concurrency() default "";

	/**
	 * Who acknowledges: the container ({@link AckMode#AUTO}) or the method ({@link AckMode#MANUAL}).
	 * @return the ack mode
	 */
	AckMode ackMode() default AckMode.AUTO;

	/**
	 * How often a message is delivered at most (the consumer's {@code max_deliver}); empty for no limit.
	 * @return the limit, as a number or a placeholder
	 */
	String maxDeliver() default "";

	/**
	 * Delays before a failed message is delivered again ({@link AckMode#AUTO}): the first after the first failure,
	 * and so on, the last one for every later failure; e.g. {@code {"1s", "5s", "30s"}}. Empty for at once.
	 * @return the delays, as durations ({@code 500ms}, {@code 2s}, ISO-8601)
	 */
	String[] backoff() default {};

	/**
	 * A subject that messages failing their last delivery ({@link #maxDeliver()}, required) are published to,
	 * with their headers and the error ({@link io.github.natsspring.jetstream.JetStreamHeaders}); a stream should
	 * capture it. Empty to terminate such messages.
	 * @return the dead-letter subject
	 */
	String deadLetterSubject() default "";

	/**
	 * The unique id of the listener; generated from the bean class and method when empty.
	 * @return the listener id
	 */
	String id() default "";

	/**
	 * Whether the listener starts with the application context; defaults to true.
	 * @return {@code "true"}, {@code "false"}, or a placeholder
	 */
	String autoStartup() default "";

	/**
	 * Name of a {@code NatsListenerErrorHandler} bean told about failures instead of the default one.
	 * @return the error handler bean name
	 */
	String errorHandler() default "";
}
