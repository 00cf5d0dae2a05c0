package io.github.natsspring.broker.routing;

/**
 * Told of every local subscription (any kind but {@link SubscriberKind#ROUTE}) that a router adds or removes, so
 * that a cluster can tell its routes about the interest with {@code RS+} and {@code RS-}. Called on the thread
 * that changes the subscription, after the router changed; must not block.
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
