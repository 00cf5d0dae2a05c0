package io.github.natsspring.demo;

/**
 * What the stream holds for the workers, as {@code GET /orders/backlog} shows it.
 *
 * @param stored the order events in the stream {@value OrderStream#NAME}
 * @param waiting the events the workers have not received yet
 * @param unacknowledged the events delivered to a worker and not acknowledged yet
 */
public record OrderBacklog(long stored, long waiting, long unacknowledged) {
}
