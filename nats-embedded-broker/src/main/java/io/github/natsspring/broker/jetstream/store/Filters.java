package io.github.natsspring.broker.jetstream.store;

import io.github.natsspring.broker.subject.Subjects;

/**
 * Subject filters as the store takes them: {@code null}, empty or {@code >} select every message.
 */
final class Filters {

	private Filters() {
	}

	static boolean isAll(String filter) {
		return filter == null || filter.isEmpty() || filter.equals(Subjects.FULL_WILDCARD);
	}

	static boolean matches(String filter, String subject) {
		return isAll(filter) || filter.equals(subject) || Subjects.matches(filter, subject);
	}
}
