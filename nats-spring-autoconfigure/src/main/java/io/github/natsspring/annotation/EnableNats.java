package io.github.natsspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Enables {@link NatsListener @NatsListener} methods and
 * {@link io.github.natsspring.listener.NatsListenerConfigurer NatsListenerConfigurer} beans in an application
 * that does not use the auto-configuration, as {@code @EnableJms} and {@code @EnableKafka} do for their
 * listeners. Put it on a {@code @Configuration} class; it registers the annotation post-processor and a
 * {@link io.github.natsspring.listener.NatsListenerEndpointRegistry NatsListenerEndpointRegistry} unless
 * the context defines one. The context must define a
 * {@link io.github.natsspring.listener.NatsListenerContainerFactory NatsListenerContainerFactory} bean on its
 * jnats connection:
 * <pre class="code">
 * &#64;Configuration
 * &#64;EnableNats
 * class MessagingConfiguration {
 *
 *     &#64;Bean
 *     NatsListenerContainerFactory natsListenerContainerFactory(Connection connection) {
 *         return new NatsListenerContainerFactory(() -&gt; connection);
 *     }
 * }
 * </pre>
 * With the auto-configuration, the same infrastructure is in place without this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(NatsListenerBootstrapRegistrar.class)
public @interface EnableNats {

}
