package io.github.natsspring.broker.server;

import io.github.natsspring.broker.protocol.WireText;

/**
 * One SUB of one client. Delivery counting is guarded by the owning client's outbound lock, since
 * publishers on any event loop deliver to it.
 */
final class Subscription {

	final ClientConnection client;

	final String subject;

	final String queue;

	final String sid;

	final byte[] sidBytes;

	/** Deliveries after which the subscription ends (UNSUB with max); 0 means unlimited. */
	long maxDeliveries;

	long delivered;

	Subscription(ClientConnection client, String subject, String queue, String sid) {
		this.client = client;
		this.subject = subject;
		this.queue = queue;
		this.sid = sid;
		this.sidBytes = WireText.bytes(sid);
	}

	@Override
	public String toString() {
		return "Subscription[cid=" + this.client.id() + ", sid=" + this.sid + ", subject=" + this.subject
				+ (this.queue != null ? ", queue=" + this.queue : "") + "]";
	}
}
