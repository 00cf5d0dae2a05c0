package io.github.natsspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as the handler of messages published to one or more NATS subjects.
 * <p>
 * Arguments are resolved like other Spring messaging endpoints: the payload (optionally
 * {@code @Payload}, converted to the parameter type, validated with {@code @Valid} or {@code @Validated}
 * when a validator is configured), {@code @Header} (every NATS header, as a {@code String} or, when sent
 * several times, a {@code List<String>}, plus {@link io.github.natsspring.core.NatsHeaders#SUBJECT} and
 * {@link io.github.natsspring.core.NatsHeaders#REPLY_TO}),
 * {@code @Headers Map}, {@code Message<?>}, the jnats {@link io.nats.client.Message} and the
 * {@link io.nats.client.Connection}.
 * <p>
 * A non-null return value is sent to the reply-to subject of the message, or, for a message without one,
 * to the subject named by {@link org.springframework.messaging.handler.annotation.SendTo @SendTo}. A
 * {@link java.util.concurrent.CompletionStage} return value is sent when it completes. When the method
 * fails on a request, the requester receives an error reply carrying the {@code Nats-Service-Error} and
 * {@code Nats-Service-Error-Code} headers.
 * <p>
 * Every attribute accepts {@code ${...}} placeholders and {@code #{...}} expressions.
 * <p>
 * For AOT and native images, annotated methods are registered for reflective invocation, with binding
 * hints for their payload and return types.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(NatsListeners.class)
@Reflective(NatsListenerReflectiveProcessor.class)
public @interface NatsListener {

	/**
	 * Alias for {@link #subjects()}.
	 * @return the subjects to subscribe to
	 */
	@AliasFor("subjects")
	String[] value() default {};

	/**
	 * The subjects to subscribe to; wildcards {@code *} and {@code >} are allowed as whole tokens.
	 * @return the subjects to subscribe to
	 */
	@AliasFor("value")
	String[] subjects() default {};

	/**
	 * The queue group shared by all subscriptions of this listener, so each message is handled by one
	 * member of the group only. Empty for a plain subscription that receives every message.
	 * @return the queue group name
	 */
	String queue() default "";

	/**
	 * The unique id of the listener container, used to look it up in the
	 * {@code NatsListenerEndpointRegistry}. Generated from the bean class and method when empty.
	 * @return the listener id
	 */
	String id() default "";

	/**
	 * Number of subscriptions sharing the {@link #queue()} group, each with its own dispatcher thread.
	 * Defaults to {@code nats.listener.concurrency} for listeners with a queue group and to 1 otherwise;
	 * more than 1 requires a queue group.
	 * @return the concurrency, as a number or a placeholder
	 */
	String concurrency() default "";

	/**
	 * Whether the listener starts with the application context; defaults to
	 * {@code nats.listener.auto-startup}.
	 * @return {@code "true"}, {@code "false"}, or a placeholder
	 */
	String autoStartup() default "";

	/**
	 * Name of a {@code NatsListenerErrorHandler} bean told about failures of this listener instead of the
	 * default one, which logs them.
	 * @return the error handler bean name
	 */
	String errorHandler() default "";
}
