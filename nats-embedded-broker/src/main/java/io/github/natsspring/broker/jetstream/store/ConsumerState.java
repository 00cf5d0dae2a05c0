package io.github.natsspring.broker.jetstream.store;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A snapshot of what a consumer has delivered and had acknowledged, what a restart must not lose.
 *
 * @param delivered the last delivery
 * @param ackFloor the delivery up to which everything is acknowledged
 * @param pending deliveries awaiting an ack, by stream sequence, lowest first
 * @param deliveryCounts how often each message delivered more than once was delivered, by stream sequence
 */
public record ConsumerState(SequencePair delivered, SequencePair ackFloor,
		NavigableMap<Long, PendingDelivery> pending, Map<Long, Integer> deliveryCounts) {

	/**
	 * Copies the maps, so the snapshot does not change with the consumer.
	 */
	public ConsumerState {
		pending = Collections.unmodifiableNavigableMap(new TreeMap<>(pending));
		deliveryCounts = Map.copyOf(deliveryCounts);
	}
}
