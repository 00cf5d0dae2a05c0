package io.github.natsspring.broker.routing;

/**
 * Told of every subscription, of any {@link SubscriberKind}, that a router adds or removes: a cluster tells its
 * routes about local interest with {@code RS+} and {@code RS-}, a JetStream push consumer learns whether its
 * deliver subject is listened to. Called on the thread that changes the subscription, after the router changed;
 * must not block.
 */
public interface InterestListener {

	/**
	 * A local subscription was added.
	 * @param subscription the subscription
	 */
	void added(Subscription subscription);

	/**
	 * A local subscription was removed.
	 * @param subscription the subscription
	 */
	void removed(Subscription subscription);

}
