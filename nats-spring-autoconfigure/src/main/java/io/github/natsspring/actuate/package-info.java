/**
 * The Actuator view of NATS: the {@code nats} endpoint.
 */
@NullMarked
package io.github.natsspring.actuate;

import org.jspecify.annotations.NullMarked;
