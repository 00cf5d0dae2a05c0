/**
 * JetStream listener infrastructure: endpoints, the pull-consumer containers and their factory, and the registry
 * tying the containers to the application lifecycle.
 */
@NullMarked
package io.github.natsspring.jetstream.listener;

import org.jspecify.annotations.NullMarked;
