package io.github.natsspring.broker.auth;

import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;
import io.github.natsspring.broker.protocol.GoQuote;
import io.github.natsspring.broker.subject.SubjectMatch;
import io.github.natsspring.broker.subject.SubjectTrie;
import io.github.natsspring.broker.subject.Subjects;

/**
 * A user's permissions compiled for checking: allow and deny lists held in subject tries (whose match caches make a
 * repeated check a map lookup), answered with nats-server 2.9.10's rules. Immutable and shared by every connection
 * of the user; what a connection remembers on top (its publish results, the replies it may send) is its own.
 */
public final class Permissions {

	private final SubjectTrie<String> publishAllow;

	private final SubjectTrie<String> publishDeny;

	private final SubjectTrie<String> subscribeAllow;

	private final SubjectTrie<String> subscribeDeny;

	private final List<String> subscribeDenySubjects;

	private final ResponsePermission responses;

	private Permissions(BrokerPermissions permissions) {
		SubjectPermission publish = permissions.publish();
		SubjectPermission subscribe = permissions.subscribe();
		// an empty publish allow list denies everything; an empty subscribe allow list is no list, as in nats-server
		this.publishAllow = (publish.allow() != null) ? trie(publish.allow(), false) : null;
		this.publishDeny = publish.deny().isEmpty() ? null : trie(publish.deny(), false);
		this.subscribeAllow = (subscribe.allow() == null || subscribe.allow().isEmpty()) ? null
				: trie(subscribe.allow(), true);
		this.subscribeDeny = subscribe.deny().isEmpty() ? null : trie(subscribe.deny(), true);
		this.subscribeDenySubjects = new ArrayList<>();
		for (String entry : subscribe.deny()) {
			String[] subjectAndQueue = splitEntry(entry, true);
			if (subjectAndQueue[1] == null) {
				this.subscribeDenySubjects.add(subjectAndQueue[0]);
			}
		}
		this.responses = permissions.responses();
	}

	/**
	 * Compiles permissions.
	 * @param permissions the permissions, or {@code null}
	 * @return the compiled permissions, or {@code null} for none
	 * @throws IllegalArgumentException when an entry is not a valid subject (with an optional queue for subscribe)
	 */
	public static Permissions of(BrokerPermissions permissions) {
		return (permissions != null) ? new Permissions(permissions) : null;
	}

	/**
	 * Whether publishing is restricted at all; when not, no publish needs checking.
	 * @return {@code true} with a publish allow or deny list
	 */
	public boolean restrictsPublishing() {
		return this.publishAllow != null || this.publishDeny != null;
	}

	/**
	 * Whether the publish permission lets a message through to this subject: inside the allow list if there is
	 * one, and outside the deny list.
	 * @param subject the subject published to
	 * @return whether publishing is allowed, replies aside
	 */
	public boolean allowsPublishing(String subject) {
		if (this.publishAllow != null && this.publishAllow.match(subject).subscriberCount() == 0) {
			return false;
		}
		return this.publishDeny == null || this.publishDeny.match(subject).subscriberCount() == 0;
	}

	/**
	 * Whether the subscribe permission lets this subscription be made, queue entries included: an allow entry
	 * naming queues allows only those queues, a deny entry naming queues denies only those.
	 * @param subject the subject subscribed to, possibly with wildcards
	 * @param queue the queue group, or {@code null}
	 * @return whether the subscription is allowed
	 */
	public boolean allowsSubscribing(String subject, String queue) {
		boolean allowed = true;
		if (this.subscribeAllow != null) {
			SubjectMatch<String> match = this.subscribeAllow.match(subject);
			allowed = match.subscriberCount() > 0;
			if (queue != null && match.queueGroupCount() > 0) {
				allowed = queueNamed(queue, match);
			}
		}
		if (allowed && this.subscribeDeny != null) {
			SubjectMatch<String> match = this.subscribeDeny.match(subject);
			allowed = match.subscriberCount() == 0;
			if (queue != null && match.queueGroupCount() > 0) {
				allowed = !queueNamed(queue, match);
			}
		}
		return allowed;
	}

	/**
	 * Whether an allowed wildcard subscription still reaches denied subjects, whose messages must then be held
	 * back when delivered.
	 * @param subscription the subject subscribed to
	 * @return whether some plain deny entry lies within it
	 */
	public boolean denyLiesWithin(String subscription) {
		for (String denied : this.subscribeDenySubjects) {
			if (Subjects.isWithin(denied, subscription)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a message on this subject is denied to the user's subscriptions.
	 * @param subject the subject of a message being delivered
	 * @return whether a plain deny entry matches it
	 */
	public boolean deniesDelivery(String subject) {
		return this.subscribeDeny != null && this.subscribeDeny.match(subject).subscriberCount() > 0;
	}

	/**
	 * The replies the user may send beyond its publish permission.
	 * @return the response permission, or {@code null} for none
	 */
	public ResponsePermission responses() {
		return this.responses;
	}

	private static boolean queueNamed(String queue, SubjectMatch<String> match) {
		for (int i = 0, n = match.queueGroupCount(); i < n; i++) {
			String name = match.queueGroup(i).name();
			// '*' and '>' are valid in queue names too: literally first, then as wildcards
			if (queue.equals(name) || (!Subjects.isLiteral(name) && Subjects.isWithin(queue, name))) {
				return true;
			}
		}
		return false;
	}

	private static SubjectTrie<String> trie(List<String> entries, boolean queues) {
		SubjectTrie<String> trie = new SubjectTrie<>();
		for (String entry : entries) {
			String[] subjectAndQueue = splitEntry(entry, queues);
			trie.insert(subjectAndQueue[0], subjectAndQueue[1], entry);
		}
		return trie;
	}

	private static String[] splitEntry(String entry, boolean queues) {
		String[] fields = entry.trim().split("\\s+");
		if (fields.length > ((queues) ? 2 : 1) || !Subjects.isValidSubscribeSubject(fields[0])) {
			throw new IllegalArgumentException("invalid permission subject " + GoQuote.quote(entry));
		}
		return new String[] { fields[0], (fields.length == 2) ? fields[1] : null };
	}
}
