/**
 * Auto-configuration of JetStream: contexts, templates, declarations and listeners.
 */
@NullMarked
package io.github.natsspring.autoconfigure.jetstream;

import org.jspecify.annotations.NullMarked;
