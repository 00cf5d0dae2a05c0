package io.github.natsspring.broker.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Receives the operations {@link ClientProtocolDecoder} parses from a client, one call per operation,
 * in the order they arrived.
 *
 * <p>Every method may throw {@link ProtocolViolation} to stop decoding: the decoder rethrows it and
 * parses nothing more, as nats-server stops at the operation that made it close the connection.
 */
public interface ClientOpHandler {

	/**
	 * A CONNECT, its JSON already read over the options of any earlier CONNECT. nats-server then
	 * authenticates, refuses {@code account}/{@code new_account} with {@code Authorization Violation},
	 * and only then applies {@link ConnectOptions#validate()}; a violation thrown here stops decoding.
	 * @param options the options now in force for the connection
	 * @throws ProtocolViolation to stop decoding
	 */
	void onConnect(ConnectOptions options) throws ProtocolViolation;

	/**
	 * A PING.
	 * @throws ProtocolViolation to stop decoding
	 */
	void onPing() throws ProtocolViolation;

	/**
	 * A PONG.
	 * @throws ProtocolViolation to stop decoding
	 */
	void onPong() throws ProtocolViolation;

	/**
	 * A PUB with its payload.
	 * @param subject the subject published to
	 * @param replyTo the reply subject, or {@code null}
	 * @param payload the payload, as the buffer's readable bytes (often the read buffer itself, narrowed);
	 * valid only during the call, not to be read destructively ({@code retainedSlice()} to keep it)
	 * @throws ProtocolViolation to stop decoding
	 */
	void onPub(String subject, String replyTo, ByteBuf payload) throws ProtocolViolation;

	/**
	 * An HPUB with its header block and payload.
	 * @param subject the subject published to
	 * @param replyTo the reply subject, or {@code null}
	 * @param headerSize how many leading bytes of {@code headersAndPayload} are the header block
	 * @param headersAndPayload headers then payload, as the buffer's readable bytes; valid only during the call,
	 * not to be read destructively ({@code retainedSlice()} to keep it)
	 * @throws ProtocolViolation to stop decoding
	 */
	void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) throws ProtocolViolation;

	/**
	 * A SUB.
	 * @param subject the subject, possibly with wildcards, not yet validated
	 * @param queue the queue group, or {@code null}
	 * @param sid the subscription id chosen by the client
	 * @throws ProtocolViolation to stop decoding
	 */
	void onSub(String subject, String queue, String sid) throws ProtocolViolation;

	/**
	 * An UNSUB.
	 * @param sid the subscription id
	 * @param max the total number of messages after which to remove the subscription; {@code -1} when
	 * absent or not a number of at most 9 digits (nats-server then removes the subscription at once)
	 * @throws ProtocolViolation to stop decoding
	 */
	void onUnsub(String sid, long max) throws ProtocolViolation;

	/**
	 * An INFO sent by the client with a JSON object (or {@code null}); nats-server ignores it.
	 * @throws ProtocolViolation to stop decoding
	 */
	void onInfo() throws ProtocolViolation;

	/**
	 * A {@code +OK} sent by the client; nats-server ignores it.
	 * @throws ProtocolViolation to stop decoding
	 */
	void onOk() throws ProtocolViolation;

	/**
	 * An {@code -ERR} sent by the client: nats-server closes the connection without a reply. The decoder
	 * parses nothing after it.
	 * @param message the text after {@code -ERR}, quotes included
	 * @throws ProtocolViolation to stop decoding
	 */
	void onErr(String message) throws ProtocolViolation;
}
