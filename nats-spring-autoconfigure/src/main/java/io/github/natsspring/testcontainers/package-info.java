/**
 * Testcontainers support: {@code @ServiceConnection} on a container of the {@code nats} image gives the
 * application's {@link io.github.natsspring.autoconfigure.NatsConnectionDetails}.
 */
@NullMarked
package io.github.natsspring.testcontainers;

import org.jspecify.annotations.NullMarked;
