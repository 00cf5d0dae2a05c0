/**
 * Listener infrastructure: endpoints, the registrar collecting them, the containers subscribing through jnats
 * dispatchers, and the registry tying the containers to the application lifecycle.
 */
@NullMarked
package io.github.natsspring.listener;

import org.jspecify.annotations.NullMarked;
