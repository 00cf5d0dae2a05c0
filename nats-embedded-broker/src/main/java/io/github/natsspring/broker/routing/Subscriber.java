package io.github.natsspring.broker.routing;

/**
 * Where the messages of a {@link Subscription} go: a client connection, a route to another server, or a
 * component inside the broker. The router calls {@link #deliver} on the publisher's thread, so an
 * implementation must be thread-safe and must not block.
 */
public interface Subscriber {

	/**
	 * What this target is; routing rules depend on it.
	 * @return the kind
	 */
	SubscriberKind kind();

	/**
	 * Takes one message for one of this target's subscriptions. The message is only valid during the call:
	 * an implementation that keeps it must copy what it keeps.
	 * @param subscription the subscription that matched
	 * @param message the message being routed
	 * @return whether the message was taken; {@code false} when the target is closing or the subscription has
	 * reached its delivery limit, so that a queue group tries another member
	 */
	boolean deliver(Subscription subscription, PublishedMessage message);

}
