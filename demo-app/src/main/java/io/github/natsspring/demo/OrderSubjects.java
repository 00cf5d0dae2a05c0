package io.github.natsspring.demo;

/**
 * The subjects the demo's services talk on.
 */
final class OrderSubjects {

	/** Events: an order was accepted. */
	static final String CREATED = "orders.created";

	/** Requests: price a quantity of an item. */
	static final String QUOTE = "prices.quote";

	private OrderSubjects() {
	}
}
