/**
 * Auto-configuration of NATS meters.
 */
@NullMarked
package io.github.natsspring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
