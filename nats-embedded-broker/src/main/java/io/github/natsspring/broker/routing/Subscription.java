package io.github.natsspring.broker.routing;

import io.github.natsspring.broker.protocol.WireText;

/**
 * One subscription of one {@link Subscriber}: a subject (possibly with wildcards), an optional queue group
 * and the id the subscriber gave it. The delivery count and limit (UNSUB with a maximum) are kept here but
 * guarded by the subscriber, since publishers on any thread deliver to it.
 */
public final class Subscription {

	private final Subscriber subscriber;

	private final String subject;

	private final String queue;

	private final String sid;

	private final byte[] sidBytes;

	private final byte[] queueBytes;

	/** How many members a route's queue interest stands for; 1 for every local subscription. */
	private volatile int weight = 1;

	private long maxDeliveries;

	private long delivered;

	/**
	 * Creates a subscription.
	 * @param subscriber where its messages go
	 * @param subject the subject, valid for subscribing
	 * @param queue the queue group, or {@code null}
	 * @param sid the id the subscriber chose
	 */
	public Subscription(Subscriber subscriber, String subject, String queue, String sid) {
		this.subscriber = subscriber;
		this.subject = subject;
		this.queue = queue;
		this.sid = sid;
		this.sidBytes = WireText.bytes(sid);
		this.queueBytes = (queue != null) ? WireText.bytes(queue) : null;
	}

	/**
	 * Where this subscription's messages go.
	 * @return the subscriber
	 */
	public Subscriber subscriber() {
		return this.subscriber;
	}

	/**
	 * The subject subscribed to.
	 * @return the subject, possibly with wildcards
	 */
	public String subject() {
		return this.subject;
	}

	/**
	 * The queue group.
	 * @return the queue group name, or {@code null} for a plain subscription
	 */
	public String queue() {
		return this.queue;
	}

	/**
	 * The queue group as written on the wire.
	 * @return its bytes, or {@code null} for a plain subscription; not to be modified
	 */
	public byte[] queueBytes() {
		return this.queueBytes;
	}

	/**
	 * How many queue members this subscription stands for when a queue group picks one: a route's queue
	 * interest counts as many members as the remote server has (the weight of its {@code RS+}).
	 * @return the weight, 1 for a local subscription
	 */
	public int weight() {
		return this.weight;
	}

	/**
	 * Changes the weight, as a repeated {@code RS+} for a queue does; any thread.
	 * @param weight the number of members, at least 1
	 */
	public void setWeight(int weight) {
		this.weight = Math.max(1, weight);
	}

	/**
	 * The id the subscriber gave this subscription.
	 * @return the sid
	 */
	public String sid() {
		return this.sid;
	}

	/**
	 * The sid as written on the wire.
	 * @return the sid's bytes; not to be modified
	 */
	public byte[] sidBytes() {
		return this.sidBytes;
	}

	/**
	 * Deliveries after which the subscription ends; guarded by the subscriber.
	 * @return the limit, 0 for none
	 */
	public long maxDeliveries() {
		return this.maxDeliveries;
	}

	/**
	 * Sets the delivery limit; guarded by the subscriber.
	 * @param maxDeliveries total deliveries after which the subscription ends, 0 for none
	 */
	public void limitDeliveries(long maxDeliveries) {
		this.maxDeliveries = maxDeliveries;
	}

	/**
	 * Messages delivered so far; guarded by the subscriber.
	 * @return the delivery count
	 */
	public long delivered() {
		return this.delivered;
	}

	/**
	 * Counts one delivery; guarded by the subscriber.
	 * @return whether the delivery limit is now reached
	 */
	public boolean countDelivery() {
		this.delivered++;
		return this.maxDeliveries > 0 && this.delivered >= this.maxDeliveries;
	}

	/**
	 * Whether the delivery limit was reached; guarded by the subscriber.
	 * @return {@code true} when no more messages may be delivered
	 */
	public boolean isExhausted() {
		return this.maxDeliveries > 0 && this.delivered >= this.maxDeliveries;
	}

	@Override
	public String toString() {
		return "Subscription[sid=" + this.sid + ", subject=" + this.subject
				+ ((this.queue != null) ? ", queue=" + this.queue : "") + ", " + this.subscriber.kind() + "]";
	}
}
