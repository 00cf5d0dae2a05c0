package io.github.natsspring.demo;

/**
 * An order a worker has handled.
 *
 * @param order the order
 * @param sequence the order event's sequence in the stream {@value OrderStream#NAME}, as {@code POST /orders}
 * answered it
 * @param worker the thread that handled it, showing how the listener's threads share the work
 */
public record ProcessedOrder(Order order, long sequence, String worker) {
}
