package io.github.natsspring.broker.jetstream.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The consumer state rules both kinds of consumer store share; a subclass keeps the state somewhere after each
 * change. Methods synchronize on the store.
 */
abstract class TrackingConsumerStore implements ConsumerStore {

	private final String name;

	private final AckPolicy ackPolicy;

	private SequencePair delivered = SequencePair.NONE;

	private SequencePair ackFloor = SequencePair.NONE;

	private final TreeMap<Long, PendingDelivery> pending = new TreeMap<>();

	private final Map<Long, Integer> deliveryCounts = new HashMap<>();

	private boolean closed;

	TrackingConsumerStore(String name, AckPolicy ackPolicy) {
		this.name = Objects.requireNonNull(name, "name");
		this.ackPolicy = Objects.requireNonNull(ackPolicy, "ackPolicy");
	}

	/** Keeps the state after a change, with this store's monitor held; {@link #snapshot()} reads it. */
	abstract void changed();

	/** Releases what the subclass holds, with this store's monitor held. */
	abstract void release();

	/** Puts back a recovered state. */
	final synchronized void restore(ConsumerState state) {
		this.delivered = state.delivered();
		this.ackFloor = state.ackFloor();
		this.pending.putAll(state.pending());
		this.deliveryCounts.putAll(state.deliveryCounts());
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public AckPolicy ackPolicy() {
		return this.ackPolicy;
	}

	@Override
	public synchronized void setStartingSequence(long streamSequence) {
		ensureOpen();
		this.delivered = new SequencePair(this.delivered.consumerSequence(), streamSequence);
		changed();
	}

	@Override
	public synchronized void delivered(long consumerSequence, long streamSequence, int deliveryCount,
			long timestamp) {
		ensureOpen();
		if (consumerSequence <= this.ackFloor.consumerSequence()) {
			return;
		}
		if (this.ackPolicy == AckPolicy.NONE) {
			this.delivered = new SequencePair(consumerSequence, streamSequence);
			this.ackFloor = this.delivered;
		}
		else {
			// a redelivery updates its pending entry; an acked message delivered again stays acked
			if (streamSequence > this.delivered.streamSequence() || this.pending.containsKey(streamSequence)) {
				this.pending.put(streamSequence, new PendingDelivery(consumerSequence, timestamp));
			}
			this.delivered = new SequencePair(Math.max(consumerSequence, this.delivered.consumerSequence()),
					Math.max(streamSequence, this.delivered.streamSequence()));
			if (deliveryCount > 1) {
				this.deliveryCounts.put(streamSequence, deliveryCount);
			}
		}
		changed();
	}

	@Override
	public synchronized boolean acked(long consumerSequence, long streamSequence) {
		ensureOpen();
		if (this.ackPolicy == AckPolicy.NONE || !this.pending.containsKey(streamSequence)) {
			return false;
		}
		if (this.ackPolicy == AckPolicy.ALL) {
			this.ackFloor = new SequencePair(consumerSequence, streamSequence);
			this.pending.headMap(streamSequence, true).clear();
			this.deliveryCounts.keySet().removeIf((sequence) -> sequence <= streamSequence);
		}
		else {
			boolean lowest = streamSequence == this.pending.firstKey();
			this.pending.remove(streamSequence);
			this.deliveryCounts.remove(streamSequence);
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
		changed();
		return true;
	}

	@Override
	public synchronized ConsumerState state() {
		ensureOpen();
		return snapshot();
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			release();
		}
	}

	final void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("consumer store '" + this.name + "' is closed");
		}
	}

	final ConsumerState snapshot() {
		return new ConsumerState(this.delivered, this.ackFloor, this.pending, this.deliveryCounts);
	}
}
