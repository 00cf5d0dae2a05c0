/**
 * Auto-configuration of the {@code nats} Actuator endpoint.
 */
@NullMarked
package io.github.natsspring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
