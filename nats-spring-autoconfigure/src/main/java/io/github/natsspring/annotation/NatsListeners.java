package io.github.natsspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Container for several {@link NatsListener} annotations on one method; usually implicit through
 * repeating {@code @NatsListener}.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NatsListeners {

	/**
	 * The listeners declared on the method.
	 * @return the listener annotations
	 */
	NatsListener[] value();
}
