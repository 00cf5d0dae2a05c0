package io.github.natsspring.broker.routing;

/**
 * Where a routed message comes from: a client's PUB or HPUB, a route's RMSG, or a message an internal
 * component publishes. The router asks it which subscribers may receive the message.
 */
public interface MessageOrigin {

	/**
	 * What published the message.
	 * @return the kind
	 */
	SubscriberKind kind();

	/**
	 * The delivery target the origin itself is, so that a publisher without echo does not receive its own
	 * messages.
	 * @return the origin's own subscriber, or {@code null} when it subscribes to nothing itself
	 */
	Subscriber self();

	/**
	 * Whether the origin receives its own messages on its own subscriptions.
	 * @return the origin's echo setting
	 */
	boolean echo();

	/**
	 * Whether a request that reaches nobody is answered at once with the no-responders status.
	 * @return whether the origin asked for no-responders answers
	 */
	boolean wantsNoResponders();

	/**
	 * Answers a request that reached no subscriber. Called only when {@link #wantsNoResponders()}.
	 * @param replySubscription the origin's own subscription matching the request's reply subject
	 * @param request the request, valid during the call
	 */
	void answerNoResponders(Subscription replySubscription, PublishedMessage request);

	/**
	 * Whether a queue group may get the message from this origin. A route names the groups the publishing
	 * server picked a member of on this one; every other origin lets every group pick a member.
	 * @param queue the group's name
	 * @return {@code true} when one member of the group is to get the message
	 */
	default boolean admitsQueueGroup(String queue) {
		return true;
	}

}
