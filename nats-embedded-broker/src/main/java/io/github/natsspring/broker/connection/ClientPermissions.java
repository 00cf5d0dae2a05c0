package io.github.natsspring.broker.connection;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.auth.Permissions;
import io.github.natsspring.broker.subject.Subjects;

/**
 * What one connection remembers about its user's {@link Permissions}, as nats-server keeps it per client: the
 * results of recent publish checks (so that publishing to the same subjects again costs a map lookup), the reply
 * subjects it may still answer under {@code allow_responses}, and whether messages must be filtered on delivery
 * because one of its wildcard subscriptions reaches denied subjects.
 */
final class ClientPermissions {

	/** nats-server's bound on the per-client publish results: past it, a quarter is dropped. */
	private static final int PUBLISH_RESULTS = 128;

	/** nats-server's bound on the reply subjects tracked per client before expired ones are pruned. */
	private static final int TRACKED_REPLIES = 4096;

	private final Permissions permissions;

	/** Event loop only: publishes are checked on the publisher's own loop. */
	private final HashMap<String, Boolean> publishResults = new HashMap<>();

	/** Reply subjects of requests delivered to this client; written by delivering threads. */
	private final Map<String, ReplyGrant> replies;

	private volatile boolean filteringDeliveries;

	ClientPermissions(Permissions permissions) {
		this.permissions = permissions;
		this.replies = (permissions.responses() != null) ? new ConcurrentHashMap<>() : null;
	}

	/** Whether the client may publish to this subject, its publish permission and its reply grants considered. */
	boolean allowsPublishing(String subject) {
		if (!this.permissions.restrictsPublishing()) {
			return true;
		}
		Boolean cached = this.publishResults.get(subject);
		if (cached != null) {
			return cached;
		}
		boolean allowed = this.permissions.allowsPublishing(subject);
		if (!allowed && this.replies != null) {
			// a grant is used up as it is checked, so its results are never cached
			return useReplyGrant(subject);
		}
		if (this.publishResults.size() >= PUBLISH_RESULTS) {
			dropSome(this.publishResults);
		}
		this.publishResults.put(subject, allowed);
		return allowed;
	}

	/**
	 * Whether the client may subscribe; an allowed wildcard subscription that reaches denied subjects turns on
	 * the filtering of deliveries.
	 */
	boolean allowsSubscribing(String subject, String queue) {
		if (!this.permissions.allowsSubscribing(subject, queue)) {
			return false;
		}
		if (!this.filteringDeliveries && !Subjects.isLiteral(subject) && this.permissions.denyLiesWithin(subject)) {
			this.filteringDeliveries = true;
		}
		return true;
	}

	/** Whether a message on this subject must not reach the client; any thread. */
	boolean deniesDelivery(String subject) {
		return this.filteringDeliveries && this.permissions.deniesDelivery(subject);
	}

	/** Notes the reply subject of a message delivered to the client, which it may answer; any thread. */
	void delivered(String replyTo) {
		if (this.replies == null || replyTo == null) {
			return;
		}
		this.replies.put(replyTo, new ReplyGrant(System.nanoTime()));
		if (this.replies.size() > TRACKED_REPLIES) {
			pruneReplies();
		}
	}

	private boolean useReplyGrant(String subject) {
		ReplyGrant grant = this.replies.get(subject);
		if (grant == null) {
			return false;
		}
		ResponsePermission responses = this.permissions.responses();
		int used = grant.use();
		if (used > responses.maxMessages() || grant.isExpired(responses)) {
			this.replies.remove(subject, grant);
			return false;
		}
		return true;
	}

	private void pruneReplies() {
		ResponsePermission responses = this.permissions.responses();
		this.replies.values().removeIf((grant) -> grant.isExpired(responses) || grant.uses() >= responses.maxMessages());
	}

	private static void dropSome(Map<String, Boolean> results) {
		Iterator<String> subjects = results.keySet().iterator();
		for (int i = 0; i < PUBLISH_RESULTS / 4 && subjects.hasNext(); i++) {
			subjects.next();
			subjects.remove();
		}
	}

	/** One reply subject the client may answer: since when, and how often it was used. */
	private static final class ReplyGrant {

		private final long sinceNanos;

		private volatile int uses;

		ReplyGrant(long sinceNanos) {
			this.sinceNanos = sinceNanos;
		}

		/** Counts one use on the client's event loop, its only user. */
		int use() {
			this.uses = this.uses + 1;
			return this.uses;
		}

		int uses() {
			return this.uses;
		}

		boolean isExpired(ResponsePermission responses) {
			return System.nanoTime() - this.sinceNanos > responses.expires().toNanos();
		}
	}
}
