package io.github.natsspring.broker.jetstream.consumer;

/**
 * A pull request waiting for messages: what it still wants and when it ends. Mutable; used on the stream's
 * executor only.
 */
final class PullWaiter {

	final String reply;

	/** Messages still owed. */
	int remaining;

	/** Bytes still allowed, 0 when the request set no {@code max_bytes}. */
	long remainingBytes;

	final boolean limitsBytes;

	/** Messages delivered to it so far. */
	int delivered;

	final boolean noWait;

	/** When it expires (ns since the epoch), 0 for never. */
	final long expiresAt;

	final long heartbeat;

	/** When the next idle heartbeat is due, 0 without heartbeats. */
	long heartbeatAt;

	PullWaiter(String reply, PullRequest request, long now) {
		this.reply = reply;
		this.remaining = Math.max(1, request.batch());
		this.remainingBytes = Math.max(0, request.maxBytes());
		this.limitsBytes = request.maxBytes() > 0;
		this.noWait = request.noWait();
		this.expiresAt = (request.expires() > 0) ? now + request.expires() : 0;
		this.heartbeat = request.idleHeartbeat();
		this.heartbeatAt = (this.heartbeat > 0) ? now + this.heartbeat : 0;
	}

	boolean isExpired(long now) {
		return this.expiresAt != 0 && now >= this.expiresAt;
	}

	/** The earliest time this request needs attention: its expiry or its next heartbeat. */
	long nextDeadline() {
		long next = Long.MAX_VALUE;
		if (this.expiresAt != 0) {
			next = this.expiresAt;
		}
		if (this.heartbeatAt != 0) {
			next = Math.min(next, this.heartbeatAt);
		}
		return next;
	}
}
