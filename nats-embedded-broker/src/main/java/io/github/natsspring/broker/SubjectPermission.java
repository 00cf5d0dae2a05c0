package io.github.natsspring.broker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.natsspring.broker.protocol.GoQuote;
import io.github.natsspring.broker.subject.Subjects;

/**
 * Which subjects a user may publish to, or subscribe to, as nats-server's {@code publish}/{@code subscribe}
 * permission: an allow list and a deny list, wildcards allowed in both, deny winning over allow. A subject outside
 * a given allow list is denied; without an allow list every subject not denied is allowed. Subscribe entries may
 * name a queue group after a space ({@code "orders.* workers"}): such an entry allows (or denies) subscribing
 * with that queue, nats-server's queue permissions.
 *
 * @param allow the subjects allowed, or {@code null} for no allow list
 * @param deny the subjects denied; empty for none
 */
public record SubjectPermission(List<String> allow, List<String> deny) {

	private static final SubjectPermission UNRESTRICTED = new SubjectPermission(null, List.of());

	/**
	 * Copies the lists.
	 */
	public SubjectPermission {
		allow = (allow != null) ? List.copyOf(allow) : null;
		deny = (deny != null) ? List.copyOf(deny) : List.of();
		requireValid(allow);
		requireValid(deny);
	}

	private static void requireValid(List<String> entries) {
		if (entries == null) {
			return;
		}
		for (String entry : entries) {
			String[] fields = entry.trim().split("\\s+");
			if (fields.length > 2 || !Subjects.isValidSubscribeSubject(fields[0])) {
				throw new IllegalArgumentException("invalid permission subject " + GoQuote.quote(entry));
			}
		}
	}

	/**
	 * Every subject allowed.
	 * @return the permission without restriction
	 */
	public static SubjectPermission unrestricted() {
		return UNRESTRICTED;
	}

	/**
	 * Only these subjects allowed.
	 * @param subjects the allow list
	 * @return the permission
	 */
	public static SubjectPermission allowing(String... subjects) {
		return new SubjectPermission(Arrays.asList(subjects), List.of());
	}

	/**
	 * Every subject but these allowed.
	 * @param subjects the deny list
	 * @return the permission
	 */
	public static SubjectPermission denying(String... subjects) {
		return new SubjectPermission(null, Arrays.asList(subjects));
	}

	/**
	 * The same allow list with these subjects denied as well.
	 * @param subjects more subjects to deny
	 * @return the permission
	 */
	public SubjectPermission andDenying(String... subjects) {
		List<String> denied = new ArrayList<>(this.deny);
		denied.addAll(Arrays.asList(subjects));
		return new SubjectPermission(this.allow, denied);
	}

	/**
	 * Whether this permission restricts anything.
	 * @return {@code false} when every subject is allowed
	 */
	public boolean isRestricted() {
		return this.allow != null || !this.deny.isEmpty();
	}
}
