/**
 * Auto-configuration of {@code @NatsListener} support.
 */
@NullMarked
package io.github.natsspring.autoconfigure.listener;

import org.jspecify.annotations.NullMarked;
