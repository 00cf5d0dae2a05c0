package io.github.natsspring.broker.routing;

/**
 * A subscriber that stands for another server: however many of its subscriptions match a message, it takes the
 * message once, with the names of the queue groups whose chosen member it holds, as a route's {@code RMSG}
 * carries them. The router calls {@link #forward} instead of {@link #deliver}.
 */
public interface RemoteTarget extends Subscriber {

	/**
	 * Takes one message for the other server; on the publisher's thread, must not block.
	 * @param message the message being routed, valid during the call
	 * @param queues the queue group names picked for this target, as written on the wire; entries past
	 * {@code queueCount} are to be ignored
	 * @param queueCount how many names {@code queues} holds
	 */
	void forward(PublishedMessage message, byte[][] queues, int queueCount);

}
