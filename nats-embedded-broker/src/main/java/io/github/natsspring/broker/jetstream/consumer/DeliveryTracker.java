package io.github.natsspring.broker.jetstream.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.natsspring.broker.jetstream.store.AckPolicy;
import io.github.natsspring.broker.jetstream.store.ConsumerState;
import io.github.natsspring.broker.jetstream.store.PendingDelivery;
import io.github.natsspring.broker.jetstream.store.SequencePair;

/**
 * What a consumer has delivered and not yet had acknowledged, with nats-server's redelivery rules: a delivery
 * is due again once its ack wait (or backoff step) passes without an ack, at once after a nak or after a nak's
 * delay; every delivery counts towards {@code max_deliver}, redeliveries after naks included, and a message
 * that used up its deliveries is dropped rather than sent again. The ack floor moves when the lowest pending
 * delivery is acknowledged. Times are nanoseconds since the epoch. Not thread-safe: the consumer uses it on
 * its stream's executor only.
 */
final class DeliveryTracker {

	private final AckPolicy ackPolicy;

	private final long maxDeliver;

	private final long ackWait;

	private final List<Long> backoff;

	private SequencePair delivered = SequencePair.NONE;

	private SequencePair ackFloor = SequencePair.NONE;

	/** Deliveries awaiting their ack by stream sequence: consumer sequence and delivery time. */
	private final TreeMap<Long, PendingDelivery> pending = new TreeMap<>();

	/** Delivery counts above 1, by stream sequence. */
	private final Map<Long, Integer> deliveryCounts = new HashMap<>();

	/** Stream sequences due for redelivery, in the order they became due. */
	private final LinkedHashSet<Long> redeliveries = new LinkedHashSet<>();

	DeliveryTracker(AckPolicy ackPolicy, long maxDeliver, long ackWait, List<Long> backoff) {
		this.ackPolicy = ackPolicy;
		this.maxDeliver = maxDeliver;
		this.ackWait = ackWait;
		this.backoff = List.copyOf(backoff);
	}

	/** Puts back the state a consumer store recovered. */
	void restore(ConsumerState state) {
		this.delivered = state.delivered();
		this.ackFloor = state.ackFloor();
		this.pending.putAll(state.pending());
		this.deliveryCounts.putAll(state.deliveryCounts());
	}

	/**
	 * Sets where a new consumer starts: it has delivered "up to" the stream sequence below its first one. The ack
	 * floor stays at 0 until something is acknowledged, as nats-server reports it (its consumer store records the
	 * starting sequence as delivered only).
	 */
	void start(long streamSequence) {
		this.delivered = new SequencePair(0, streamSequence);
	}

	boolean acknowledges() {
		return this.ackPolicy != AckPolicy.NONE;
	}

	SequencePair delivered() {
		return this.delivered;
	}

	SequencePair ackFloor() {
		return this.ackFloor;
	}

	int pendingCount() {
		return this.pending.size();
	}

	int redeliveredCount() {
		return this.deliveryCounts.size();
	}

	boolean isPending(long streamSequence) {
		return this.pending.containsKey(streamSequence);
	}

	boolean hasRedeliveries() {
		return !this.redeliveries.isEmpty();
	}

	/** The next consumer sequence to give out. */
	long nextConsumerSequence() {
		return this.delivered.consumerSequence() + 1;
	}

	/**
	 * Takes the next message due for redelivery and counts the delivery about to be made.
	 * @param dropped receives the stream sequences that used up {@code max_deliver} on the way
	 * @return the stream sequence and its delivery count, or {@code null} when none is due
	 */
	Redelivery nextRedelivery(List<Long> dropped) {
		Iterator<Long> due = this.redeliveries.iterator();
		while (due.hasNext()) {
			long sequence = due.next();
			due.remove();
			if (!this.pending.containsKey(sequence)) {
				continue;
			}
			int count = this.deliveryCounts.getOrDefault(sequence, 1) + 1;
			if (this.maxDeliver > 0 && count > this.maxDeliver) {
				// as nats-server: leaves pending without moving the ack floor, and still counts as redelivered
				this.pending.remove(sequence);
				dropped.add(sequence);
				continue;
			}
			this.deliveryCounts.put(sequence, count);
			return new Redelivery(sequence, count);
		}
		return null;
	}

	/** Puts a redelivery back at the head of the queue, uncounted, when it could not be sent. */
	void undoRedelivery(Redelivery redelivery) {
		int count = redelivery.deliveryCount() - 1;
		if (count > 1) {
			this.deliveryCounts.put(redelivery.streamSequence(), count);
		}
		else {
			this.deliveryCounts.remove(redelivery.streamSequence());
		}
		LinkedHashSet<Long> queue = new LinkedHashSet<>();
		queue.add(redelivery.streamSequence());
		queue.addAll(this.redeliveries);
		this.redeliveries.clear();
		this.redeliveries.addAll(queue);
	}

	/**
	 * Records a delivery.
	 * @param streamSequence the message's stream sequence
	 * @param consumerSequence the consumer sequence given to the delivery
	 * @param now the delivery time
	 */
	void delivered(long streamSequence, long consumerSequence, long now) {
		this.delivered = new SequencePair(Math.max(consumerSequence, this.delivered.consumerSequence()),
				Math.max(streamSequence, this.delivered.streamSequence()));
		if (this.ackPolicy == AckPolicy.NONE) {
			this.ackFloor = this.delivered;
		}
		else {
			this.pending.put(streamSequence, new PendingDelivery(consumerSequence, now));
		}
	}

	/**
	 * Records an ack (or a term): with {@link AckPolicy#ALL} of every pending delivery up to it.
	 * @param streamSequence the acknowledged message
	 * @param consumerSequence the consumer sequence of the acknowledged delivery
	 * @return the stream sequences that left pending, lowest first; empty when nothing was pending
	 */
	List<Long> ack(long streamSequence, long consumerSequence) {
		if (this.ackPolicy == AckPolicy.NONE) {
			return List.of();
		}
		if (this.ackPolicy == AckPolicy.ALL) {
			if (consumerSequence <= this.ackFloor.consumerSequence() || streamSequence <= this.ackFloor.streamSequence()) {
				return List.of();
			}
			List<Long> acked = new ArrayList<>(this.pending.headMap(streamSequence, true).keySet());
			for (long sequence : acked) {
				forget(sequence);
			}
			this.ackFloor = new SequencePair(consumerSequence, streamSequence);
			if (this.pending.isEmpty()) {
				this.ackFloor = this.delivered;
			}
			return acked;
		}
		if (!this.pending.containsKey(streamSequence)) {
			return List.of();
		}
		drop(streamSequence);
		return List.of(streamSequence);
	}

	/**
	 * Records a nak.
	 * @param streamSequence the message
	 * @param delay nanoseconds to wait before redelivering, -1 for at once
	 * @param now the current time
	 * @return whether the message was pending
	 */
	boolean nak(long streamSequence, long delay, long now) {
		PendingDelivery delivery = this.pending.get(streamSequence);
		if (delivery == null) {
			return false;
		}
		if (delay < 0) {
			this.redeliveries.add(streamSequence);
		}
		else {
			this.redeliveries.remove(streamSequence);
			// due when the ack wait, counted from this time, ends after the delay
			long waited = waitFor(deliveryCount(streamSequence));
			this.pending.put(streamSequence, new PendingDelivery(delivery.consumerSequence(), now - waited + delay));
		}
		return true;
	}

	/**
	 * Restarts the ack wait of a delivery ({@code +WPI}).
	 * @param streamSequence the message
	 * @param now the current time
	 * @return whether the message was pending
	 */
	boolean progress(long streamSequence, long now) {
		PendingDelivery delivery = this.pending.get(streamSequence);
		if (delivery == null) {
			return false;
		}
		this.pending.put(streamSequence, new PendingDelivery(delivery.consumerSequence(), now));
		return true;
	}

	/**
	 * Forgets a message the stream no longer holds, as if it had been acknowledged.
	 * @param streamSequence the removed message
	 * @return whether it was pending
	 */
	boolean removed(long streamSequence) {
		if (!this.pending.containsKey(streamSequence)) {
			return false;
		}
		drop(streamSequence);
		return true;
	}

	/**
	 * The stream was purged up to a sequence (nats-server's {@code consumer.purge}): the ack floor moves up to just
	 * below it when lower, and nothing stays pending.
	 * @param firstSequence the first sequence the consumer may still deliver
	 * @return the deliveries that were pending, by stream sequence
	 */
	Map<Long, PendingDelivery> purged(long firstSequence) {
		if (this.ackFloor.streamSequence() < firstSequence) {
			this.ackFloor = new SequencePair(this.delivered.consumerSequence(), firstSequence - 1);
		}
		Map<Long, PendingDelivery> dropped = new TreeMap<>(this.pending);
		this.pending.clear();
		this.redeliveries.clear();
		return dropped;
	}

	/**
	 * Queues for redelivery every pending delivery whose ack wait has passed.
	 * @param now the current time
	 * @return whether any became due
	 */
	boolean expire(long now) {
		if (this.ackPolicy == AckPolicy.NONE) {
			return false;
		}
		List<Long> expired = new ArrayList<>();
		for (Map.Entry<Long, PendingDelivery> entry : this.pending.entrySet()) {
			long sequence = entry.getKey();
			if (!this.redeliveries.contains(sequence) && dueAt(sequence, entry.getValue()) <= now) {
				expired.add(sequence);
			}
		}
		this.redeliveries.addAll(expired);
		return !expired.isEmpty();
	}

	/**
	 * When the next pending delivery becomes due, for the consumer's timer.
	 * @return the time, or {@link Long#MAX_VALUE} when none waits
	 */
	long nextDue() {
		long next = Long.MAX_VALUE;
		if (this.ackPolicy == AckPolicy.NONE) {
			return next;
		}
		for (Map.Entry<Long, PendingDelivery> entry : this.pending.entrySet()) {
			if (!this.redeliveries.contains(entry.getKey())) {
				next = Math.min(next, dueAt(entry.getKey(), entry.getValue()));
			}
		}
		return next;
	}

	/**
	 * When one pending delivery becomes due.
	 * @param streamSequence the delivered message
	 * @return the time, or {@link Long#MAX_VALUE} when it is not waiting for an ack
	 */
	long dueAt(long streamSequence) {
		PendingDelivery delivery = this.pending.get(streamSequence);
		if (delivery == null || this.redeliveries.contains(streamSequence)) {
			return Long.MAX_VALUE;
		}
		return dueAt(streamSequence, delivery);
	}

	/** The time recorded for a pending delivery, what the consumer store keeps. */
	long deliveryTime(long streamSequence) {
		PendingDelivery delivery = this.pending.get(streamSequence);
		return (delivery != null) ? delivery.timestamp() : 0;
	}

	/** The consumer sequence of a pending delivery, 0 when it is not pending. */
	long consumerSequence(long streamSequence) {
		PendingDelivery delivery = this.pending.get(streamSequence);
		return (delivery != null) ? delivery.consumerSequence() : 0;
	}

	int deliveryCount(long streamSequence) {
		return this.deliveryCounts.getOrDefault(streamSequence, 1);
	}

	private long dueAt(long sequence, PendingDelivery delivery) {
		return delivery.timestamp() + waitFor(deliveryCount(sequence));
	}

	private long waitFor(int deliveryCount) {
		if (this.backoff.isEmpty()) {
			return this.ackWait;
		}
		return this.backoff.get(Math.min(deliveryCount - 1, this.backoff.size() - 1));
	}

	/** Removes an explicitly finished delivery and moves the ack floor as the consumer store does. */
	private void drop(long streamSequence) {
		boolean lowest = streamSequence == this.pending.firstKey();
		forget(streamSequence);
		if (this.pending.isEmpty()) {
			this.ackFloor = this.delivered;
		}
		else if (lowest) {
			Map.Entry<Long, PendingDelivery> next = this.pending.firstEntry();
			this.ackFloor = new SequencePair(
					Math.max(this.ackFloor.consumerSequence(), next.getValue().consumerSequence() - 1),
					next.getKey() - 1);
		}
	}

	private void forget(long streamSequence) {
		this.pending.remove(streamSequence);
		this.deliveryCounts.remove(streamSequence);
		this.redeliveries.remove(streamSequence);
	}

	/**
	 * A message due again.
	 *
	 * @param streamSequence its stream sequence
	 * @param deliveryCount the count of the delivery about to be made
	 */
	record Redelivery(long streamSequence, int deliveryCount) {
	}
}
