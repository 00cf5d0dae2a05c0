package io.github.natsspring.demo;

/**
 * An order a worker has handled.
 *
 * @param order the order
 * @param worker the thread that handled it, showing how the queue group spreads the work
 */
public record ProcessedOrder(Order order, String worker) {
}
