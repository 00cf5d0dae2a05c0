package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;

/**
 * The header blocks of the status messages a consumer sends, byte for byte as nats-server 2.9.10 writes them.
 * They go out as headers-only messages without a reply subject (except flow control, whose reply is the
 * {@code $JS.FC} subject).
 */
public final class StatusFrames {

	private static final byte[] FLOW_CONTROL = ascii("NATS/1.0 100 FlowControl Request\r\n\r\n");

	private static final byte[] NO_MESSAGES = ascii("NATS/1.0 404 No Messages\r\n\r\n");

	private StatusFrames() {
	}

	/**
	 * An idle heartbeat, with the last delivered consumer and stream sequences.
	 * @param lastConsumerSequence the last consumer sequence delivered
	 * @param lastStreamSequence the last stream sequence delivered
	 * @param stalledOn the flow control subject still unanswered, or {@code null}
	 * @return the header block
	 */
	public static byte[] idleHeartbeat(long lastConsumerSequence, long lastStreamSequence, String stalledOn) {
		String stalled = (stalledOn != null) ? "Nats-Consumer-Stalled: " + stalledOn + "\r\n" : "";
		return ascii("NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: " + lastConsumerSequence
				+ "\r\nNats-Last-Stream: " + lastStreamSequence + "\r\n" + stalled + "\r\n");
	}

	/**
	 * A flow control request, answered by the client with an empty message to its reply subject.
	 * @return the header block
	 */
	public static byte[] flowControl() {
		return FLOW_CONTROL.clone();
	}

	/**
	 * The answer to a {@code no_wait} pull request when nothing is available.
	 * @return the header block
	 */
	public static byte[] noMessages() {
		return NO_MESSAGES.clone();
	}

	/**
	 * The end of a pull request that expired, or of a {@code no_wait} one that got what there was.
	 * @param pendingMessages how many messages the request was still owed
	 * @param pendingBytes how many bytes it was still owed, 0 without {@code max_bytes}
	 * @return the header block
	 */
	public static byte[] requestTimeout(long pendingMessages, long pendingBytes) {
		return withPending("408 Request Timeout", pendingMessages, pendingBytes);
	}

	/**
	 * The end of a pull request whose next message is larger than the bytes it has left.
	 * @param pendingMessages how many messages the request was still owed
	 * @param pendingBytes how many bytes it had left
	 * @return the header block
	 */
	public static byte[] maxBytesExceeded(long pendingMessages, long pendingBytes) {
		return withPending("409 Message Size Exceeds MaxBytes", pendingMessages, pendingBytes);
	}

	/**
	 * A status without headers, such as {@code 409 Exceeded MaxWaiting} or {@code 400 Bad Request - …}.
	 * @param code the status code
	 * @param description the text after it
	 * @return the header block
	 */
	public static byte[] status(int code, String description) {
		return ascii("NATS/1.0 " + code + " " + description + "\r\n\r\n");
	}

	private static byte[] withPending(String status, long pendingMessages, long pendingBytes) {
		return ascii("NATS/1.0 " + status + "\r\nNats-Pending-Messages: " + pendingMessages
				+ "\r\nNats-Pending-Bytes: " + pendingBytes + "\r\n\r\n");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
