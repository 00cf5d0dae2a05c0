/**
 * Micrometer meters over a jnats connection's statistics and an embedded broker's figures.
 */
@NullMarked
package io.github.natsspring.metrics;

import org.jspecify.annotations.NullMarked;
