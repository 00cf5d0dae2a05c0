package io.github.natsspring.broker.cluster;

import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.netty.buffer.ByteBuf;

/**
 * Receives the operations {@link RouteProtocolDecoder} parses from a route, one call per operation, in the order
 * they arrived. Strings are only valid as Strings: the decoder reuses them while they repeat.
 */
interface RouteOpHandler {

	/**
	 * A CONNECT.
	 * @param json the JSON text after the operation name
	 * @throws ProtocolViolation to stop decoding
	 */
	void onConnect(String json) throws ProtocolViolation;

	/**
	 * An INFO.
	 * @param json the JSON text after the operation name
	 * @throws ProtocolViolation to stop decoding
	 */
	void onInfo(String json) throws ProtocolViolation;

	/** A PING. */
	void onPing();

	/** A PONG. */
	void onPong();

	/**
	 * An {@code -ERR}.
	 * @param text what follows the operation name, quotes included
	 */
	void onErr(String text);

	/**
	 * An {@code RS+}: the remote server has interest.
	 * @param account the account's name
	 * @param subject the subject, possibly with wildcards
	 * @param queue the queue group, or {@code null}
	 * @param weight how many queue members the remote server has, 1 for a plain interest
	 */
	void onSub(String account, String subject, String queue, int weight);

	/**
	 * An {@code RS-}: the remote server lost the interest.
	 * @param account the account's name
	 * @param subject the subject
	 * @param queue the queue group, or {@code null}
	 */
	void onUnsub(String account, String subject, String queue);

	/**
	 * An {@code RMSG} or {@code HMSG} with its content.
	 * @param account the account's name
	 * @param subject the subject
	 * @param replyTo the reply subject, or {@code null}
	 * @param queues the queue groups named, of which the first {@code queueCount} count
	 * @param queueCount how many queue groups are named
	 * @param headerSize the size of the header block at the start of {@code content}, or -1 for RMSG
	 * @param content headers then payload as the buffer's readable bytes; valid only during the call and not to be
	 * read destructively
	 */
	void onMsg(String account, String subject, String replyTo, String[] queues, int queueCount, int headerSize,
			ByteBuf content);

}
