/**
 * Auto-configuration of NATS observations.
 */
@NullMarked
package io.github.natsspring.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
