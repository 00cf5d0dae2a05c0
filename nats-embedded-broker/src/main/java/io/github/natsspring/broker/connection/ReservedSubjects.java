package io.github.natsspring.broker.connection;

/**
 * Subject prefixes nats-server keeps for itself, which clients may not use whatever their permissions: replies of
 * service imports ({@code _R_.}), JetStream acknowledgements ({@code $JS.ACK.}) and gateway-routed replies
 * ({@code _GR_.}) as reply subjects, and gateway-routed replies as publish subjects.
 */
final class ReservedSubjects {

	private static final String SERVICE_REPLY = "_R_.";

	private static final String JETSTREAM_ACK = "$JS.ACK.";

	private static final String GATEWAY_REPLY = "_GR_.";

	private ReservedSubjects() {
	}

	/** Whether a client may not publish on this subject: a gateway-routed reply. */
	static boolean isGatewayRoutedReply(String subject) {
		return longerPrefix(subject, GATEWAY_REPLY);
	}

	/** Whether a client may not ask for replies on this subject. */
	static boolean isReservedReply(String reply) {
		// nats-server takes "_R_." alone as a service reply; the other two prefixes need something after them
		return reply.startsWith(SERVICE_REPLY) || longerPrefix(reply, JETSTREAM_ACK) || longerPrefix(reply, GATEWAY_REPLY);
	}

	private static boolean longerPrefix(String text, String prefix) {
		return text.length() > prefix.length() && text.startsWith(prefix);
	}
}
