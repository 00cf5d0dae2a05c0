package io.github.natsspring.demo;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows the order events this instance has seen, wherever they were posted.
 */
@RestController
class OrderFeedController {

	private final OrderFeed feed;

	OrderFeedController(OrderFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/orders/seen")
	List<Order> seen() {
		return this.feed.latest();
	}
}
