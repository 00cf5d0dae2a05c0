package io.github.natsspring.demo;

/**
 * The answer to {@code POST /orders}: the order and where the stream stored its event.
 *
 * @param order the order, with its id
 * @param stream the stream that stored the event, {@value OrderStream#NAME}
 * @param sequence the event's sequence in that stream
 */
public record AcceptedOrder(Order order, String stream, long sequence) {
}
