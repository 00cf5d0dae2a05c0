package io.github.natsspring.demo;

import java.util.List;
import java.util.UUID;

import io.github.natsspring.core.NatsOperations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts orders and publishes each as an event; shows what the workers have processed so far and the order events
 * this instance has seen.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	private final NatsOperations nats;

	private final ProcessedOrders processedOrders;

	private final OrderFeed feed;

	OrderController(NatsOperations nats, ProcessedOrders processedOrders, OrderFeed feed) {
		this.nats = nats;
		this.processedOrders = processedOrders;
		this.feed = feed;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Order create(@RequestBody NewOrder newOrder) {
		Order order = new Order(UUID.randomUUID().toString(), newOrder.item(), newOrder.quantity());
		this.nats.convertAndSend(OrderSubjects.CREATED, order);
		return order;
	}

	@GetMapping("/processed")
	List<ProcessedOrder> processed() {
		return this.processedOrders.all();
	}

	@GetMapping("/seen")
	List<Order> seen() {
		return this.feed.latest();
	}
}
