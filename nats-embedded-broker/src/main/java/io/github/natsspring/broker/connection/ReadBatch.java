package io.github.natsspring.broker.connection;

import java.util.ArrayList;

import io.github.natsspring.broker.routing.SubscriberKind;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * What the deliveries of one producer's read batch leave to do once the batch ends, kept per thread: one
 * flush per connection that got bytes (as nats-server flushes once per read buffer instead of once per
 * message), and how long to stall a client producer whose deliveries took a consumer over half of its max
 * pending (the producer stops being read at once; the end of the batch registers it with the consumers).
 * <p>
 * A connection's event loop {@link #begin begins} a batch before it decodes a read and {@link #end ends} it at
 * read-complete. Deliveries made outside a batch (timers, tasks, internal publishers on their own threads)
 * find no producer here and flush at once, and stall nobody.
 */
final class ReadBatch {

	private static final FastThreadLocal<ReadBatch> CURRENT = new FastThreadLocal<>() {
		@Override
		protected ReadBatch initialValue() {
			return new ReadBatch();
		}
	};

	private final ArrayList<OutboundQueue> flushes = new ArrayList<>();

	private final ArrayList<OutboundQueue> stalls = new ArrayList<>(2);

	private Connection producer;

	private ReadBatch() {
	}

	/**
	 * The batch of the calling thread.
	 * @return the batch, without a producer when none is being read on this thread
	 */
	static ReadBatch current() {
		return CURRENT.get();
	}

	/**
	 * Begins a batch for a producer on its event loop; a batch of another producer left open is ended first.
	 * @param producer the connection being read
	 */
	static void begin(Connection producer) {
		ReadBatch batch = CURRENT.get();
		if (batch.producer != producer) {
			if (batch.producer != null) {
				batch.finish();
			}
			batch.producer = producer;
		}
	}

	/**
	 * Ends the producer's batch, if it is the open one: flushes and stalls what its deliveries left.
	 * @param producer the connection whose read completed
	 */
	static void end(Connection producer) {
		ReadBatch batch = CURRENT.get();
		if (batch.producer == producer) {
			batch.finish();
		}
	}

	/**
	 * Defers a flush to the end of the batch.
	 * @param queue the queue that owes a flush
	 * @return {@code false} when no batch is open on this thread, and the caller must flush now
	 */
	boolean deferFlush(OutboundQueue queue) {
		if (this.producer == null) {
			return false;
		}
		this.flushes.add(queue);
		return true;
	}

	/**
	 * Notes that this batch's producer took a consumer over half its max pending; only client producers stall.
	 * @param queue the consumer's queue
	 */
	void stallProducerOn(OutboundQueue queue) {
		if (this.producer == null || this.producer.kind() != SubscriberKind.CLIENT) {
			return;
		}
		if (!this.stalls.contains(queue)) {
			this.stalls.add(queue);
		}
		this.producer.requestStall();
	}

	private void finish() {
		Connection finished = this.producer;
		this.producer = null;
		ArrayList<OutboundQueue> owed = this.flushes;
		for (int i = 0, n = owed.size(); i < n; i++) {
			owed.get(i).requestFlush();
		}
		owed.clear();
		if (this.stalls.isEmpty()) {
			return;
		}
		long stallNanos = 0;
		for (int i = 0, n = this.stalls.size(); i < n; i++) {
			stallNanos = Math.max(stallNanos, this.stalls.get(i).registerStalledProducer(finished));
		}
		this.stalls.clear();
		finished.stall(stallNanos);
	}
}
