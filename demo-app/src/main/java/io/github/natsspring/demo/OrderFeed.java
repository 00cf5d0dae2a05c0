package io.github.natsspring.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.natsspring.annotation.NatsListener;

import org.springframework.stereotype.Component;

/**
 * The latest order events this instance has seen. A plain NATS subscription, outside the stream: it is this
 * instance's own, so every instance sees every order, wherever it was placed: in a cluster of demo instances, an
 * order posted to one shows up in the feed of the others.
 */
@Component
class OrderFeed {

	private static final int CAPACITY = 100;

	private final Deque<Order> latest = new ArrayDeque<>();

	@NatsListener(subjects = OrderSubjects.CREATED)
	synchronized void add(Order order) {
		if (this.latest.size() == CAPACITY) {
			this.latest.removeFirst();
		}
		this.latest.addLast(order);
	}

	synchronized List<Order> latest() {
		return List.copyOf(this.latest);
	}
}
