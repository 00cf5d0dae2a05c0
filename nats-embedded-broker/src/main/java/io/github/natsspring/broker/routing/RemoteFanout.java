package io.github.natsspring.broker.routing;

import java.util.Arrays;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * The remote targets one {@link MessageRouter#route} call touched and the queue groups picked for each, so that
 * each gets the message once. Per thread and reused, so routing to servers allocates nothing per message.
 */
final class RemoteFanout {

	private static final FastThreadLocal<RemoteFanout> CURRENT = new FastThreadLocal<>() {
		@Override
		protected RemoteFanout initialValue() {
			return new RemoteFanout();
		}
	};

	private static final byte[][] NO_QUEUES = new byte[0][];

	private RemoteTarget[] targets = new RemoteTarget[4];

	private byte[][][] queues = new byte[4][][];

	private int[] queueCounts = new int[4];

	private int count;

	private boolean inUse;

	/**
	 * The fanout of the calling thread, or a new one when a delivery made during routing routes again.
	 * @return an empty fanout, to be {@link #release() released}
	 */
	static RemoteFanout acquire() {
		RemoteFanout fanout = CURRENT.get();
		if (fanout.inUse) {
			fanout = new RemoteFanout();
		}
		fanout.inUse = true;
		return fanout;
	}

	/** Notes a target with plain interest. */
	void add(RemoteTarget target) {
		indexOf(target);
	}

	/** Notes a target picked for a queue group. */
	void addQueue(RemoteTarget target, byte[] queue) {
		int index = indexOf(target);
		byte[][] names = this.queues[index];
		int n = this.queueCounts[index];
		if (names == null || names.length == n) {
			names = (names == null) ? new byte[2][] : Arrays.copyOf(names, n * 2);
			this.queues[index] = names;
		}
		names[n] = queue;
		this.queueCounts[index] = n + 1;
	}

	private int indexOf(RemoteTarget target) {
		for (int i = 0; i < this.count; i++) {
			if (this.targets[i] == target) {
				return i;
			}
		}
		if (this.count == this.targets.length) {
			int grown = this.count * 2;
			this.targets = Arrays.copyOf(this.targets, grown);
			this.queues = Arrays.copyOf(this.queues, grown);
			this.queueCounts = Arrays.copyOf(this.queueCounts, grown);
		}
		this.targets[this.count] = target;
		this.queueCounts[this.count] = 0;
		return this.count++;
	}

	/**
	 * Sends the message to every target noted, once each.
	 * @return how many targets took it
	 */
	int forward(PublishedMessage message) {
		for (int i = 0; i < this.count; i++) {
			this.targets[i].forward(message, (this.queues[i] != null) ? this.queues[i] : NO_QUEUES,
					this.queueCounts[i]);
		}
		return this.count;
	}

	/** Empties the fanout for the next message. */
	void release() {
		for (int i = 0; i < this.count; i++) {
			this.targets[i] = null;
			byte[][] names = this.queues[i];
			if (names != null) {
				Arrays.fill(names, 0, this.queueCounts[i], null);
			}
		}
		this.count = 0;
		this.inUse = false;
	}
}
