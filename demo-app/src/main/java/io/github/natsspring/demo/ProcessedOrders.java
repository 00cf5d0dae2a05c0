package io.github.natsspring.demo;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;

/**
 * The orders processed since startup, in the order they finished. Workers add concurrently.
 */
@Component
class ProcessedOrders {

	private final ConcurrentLinkedQueue<ProcessedOrder> processed = new ConcurrentLinkedQueue<>();

	void add(ProcessedOrder order) {
		this.processed.add(order);
	}

	List<ProcessedOrder> all() {
		return List.copyOf(this.processed);
	}
}
