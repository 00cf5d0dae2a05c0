package io.github.natsspring.demo;

/**
 * The subjects the demo's services talk on.
 */
final class OrderSubjects {

	/** Events: an order was accepted. */
	static final String CREATED = "orders.created";

	/** Every order event: what the stream {@value OrderStream#NAME} stores. */
	static final String ALL = "orders.>";

	/** Requests: price a quantity of an item. */
	static final String QUOTE = "prices.quote";

	private OrderSubjects() {
	}
}
