package io.github.natsspring.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.github.natsspring.jetstream.KeyValueOperations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The orders processed so far, kept in the key-value bucket {@value OrderStream#PROCESSED_BUCKET} under their id:
 * they survive restarts, and an order delivered again (its acknowledgement lost in a crash) is stored once.
 */
@Component
@ConditionalOnBooleanProperty(name = "nats.jetstream.enabled", matchIfMissing = true)
class ProcessedOrders {

	private final KeyValueOperations bucket;

	ProcessedOrders(KeyValueOperations bucket) {
		this.bucket = bucket;
	}

	void add(ProcessedOrder processed) {
		this.bucket.put(processed.order().id(), processed);
	}

	/**
	 * Every processed order, in the order the stream received them.
	 * @return the processed orders
	 */
	List<ProcessedOrder> all() {
		return this.bucket.keys()
			.stream()
			.map((id) -> this.bucket.get(id, ProcessedOrder.class))
			.filter(Objects::nonNull)
			.sorted(Comparator.comparingLong(ProcessedOrder::sequence))
			.toList();
	}
}
