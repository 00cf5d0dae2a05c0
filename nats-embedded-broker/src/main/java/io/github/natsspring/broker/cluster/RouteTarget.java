package io.github.natsspring.broker.cluster;

import io.github.natsspring.broker.protocol.WireText;
import io.github.natsspring.broker.routing.PublishedMessage;
import io.github.natsspring.broker.routing.RemoteTarget;
import io.github.natsspring.broker.routing.SubscriberKind;
import io.github.natsspring.broker.routing.Subscription;

/**
 * A route as the subscriber of its peer's interest in one account: the router hands it each message once, with
 * the queue groups picked on the peer, and it writes one {@code RMSG} or {@code HMSG} naming the account.
 */
final class RouteTarget implements RemoteTarget {

	private final RouteConnection route;

	private final byte[] account;

	RouteTarget(RouteConnection route, String account) {
		this.route = route;
		this.account = WireText.bytes(account);
	}

	@Override
	public SubscriberKind kind() {
		return SubscriberKind.ROUTE;
	}

	@Override
	public void forward(PublishedMessage message, byte[][] queues, int queueCount) {
		this.route.forward(this.account, message, queues, queueCount);
	}

	@Override
	public boolean deliver(Subscription subscription, PublishedMessage message) {
		byte[] queue = subscription.queueBytes();
		this.route.forward(this.account, message, new byte[][] { queue }, (queue != null) ? 1 : 0);
		return true;
	}
}
