/**
 * The {@link io.github.natsspring.annotation.NatsListener @NatsListener} annotation and the bean post-processor
 * that turns annotated methods into listener endpoints.
 */
@NullMarked
package io.github.natsspring.annotation;

import org.jspecify.annotations.NullMarked;
