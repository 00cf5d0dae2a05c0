/**
 * Docker Compose support: a running {@code nats} service gives the application's
 * {@link io.github.natsspring.autoconfigure.NatsConnectionDetails}.
 */
@NullMarked
package io.github.natsspring.docker.compose;

import org.jspecify.annotations.NullMarked;
