package io.github.natsspring.demo;

import io.github.natsspring.annotation.NatsListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Processes order events. The subscriptions share the queue group {@code workers}, so each order is handled
 * once however many instances of the service run.
 */
@Component
class OrderWorker {

	private static final Log logger = LogFactory.getLog(OrderWorker.class);

	private final ProcessedOrders processedOrders;

	OrderWorker(ProcessedOrders processedOrders) {
		this.processedOrders = processedOrders;
	}

	@NatsListener(subjects = OrderSubjects.CREATED, queue = "workers", concurrency = "2")
	void process(Order order) {
		logger.info("Processing order " + order.id() + ": " + order.quantity() + " x " + order.item());
		this.processedOrders.add(new ProcessedOrder(order, Thread.currentThread().getName()));
	}
}
