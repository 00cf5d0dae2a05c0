package io.github.natsspring.broker.jetstream;

/**
 * Takes the messages of one subscription of JetStream's {@link InternalClient}.
 * <p>
 * Called on the publisher's thread, usually a Netty event loop, while the message is routed: it must not block
 * or do disk I/O, only hand the (already copied) message over, typically to a stream's
 * {@link Stream#executor()}. Calls for messages of one publisher come in publish order.
 */
@FunctionalInterface
public interface InternalHandler {

	/**
	 * Takes one message.
	 * @param message the message, a copy the handler may keep
	 */
	void onMessage(InternalMessage message);
}
