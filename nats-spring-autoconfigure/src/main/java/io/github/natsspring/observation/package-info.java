/**
 * Micrometer observations of NATS traffic: the sends and requests of a
 * {@link io.github.natsspring.core.NatsTemplate}, the messages a {@code @NatsListener} receives and the replies
 * it sends, with OpenTelemetry messaging key names and W3C trace context carried in NATS headers.
 */
@NullMarked
package io.github.natsspring.observation;

import org.jspecify.annotations.NullMarked;
