package io.github.natsspring.broker.routing;

/**
 * What a delivery target or a message origin is. Routing rules depend on the kind, never on the concrete
 * class: a message that came over a route is never sent on to another route (one hop), and only client
 * producers are stalled by a consumer that falls behind.
 */
public enum SubscriberKind {

	/** A client connection speaking the client protocol. */
	CLIENT,

	/** A connection to another server of the cluster. */
	ROUTE,

	/** A component inside the broker, such as a JetStream API handler or a stream capturing messages. */
	INTERNAL

}
