package io.github.natsspring.listener;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * The rules every listener endpoint must satisfy, however it was declared: subjects valid by
 * {@link NatsSubjectSyntax}, a queue group without whitespace, and a concurrency of at least 1 that is above 1
 * only with a queue group. The annotation post-processor, the endpoints and the container factory all check
 * with these methods, so a rule is stated once.
 */
public final class NatsListenerChecks {

	private NatsListenerChecks() {
	}

	/**
	 * Checks the subjects of a listener.
	 * @param subjects the subjects
	 * @return {@code null} when they are valid, otherwise the reason they are not
	 */
	public static @Nullable String checkSubjects(Collection<String> subjects) {
		if (subjects.isEmpty()) {
			return "no subject is declared";
		}
		for (String subject : subjects) {
			String problem = NatsSubjectSyntax.checkSubscriptionSubject(subject);
			if (problem != null) {
				return "invalid " + problem;
			}
		}
		return null;
	}

	/**
	 * Checks the queue group of a listener.
	 * @param queue the queue group, or {@code null} for plain subscriptions
	 * @return {@code null} when it is valid, otherwise the reason it is not
	 */
	public static @Nullable String checkQueue(@Nullable String queue) {
		if (queue == null) {
			return null;
		}
		if (queue.isEmpty()) {
			return "the queue group is empty";
		}
		for (int i = 0; i < queue.length(); i++) {
			if (Character.isWhitespace(queue.charAt(i))) {
				return "queue group '" + queue + "' contains whitespace";
			}
		}
		return null;
	}

	/**
	 * Checks a number of subscriptions on its own, as for a default that applies to listeners with a queue
	 * group.
	 * @param concurrency the number of subscriptions
	 * @return {@code null} when it is valid, otherwise the reason it is not
	 */
	public static @Nullable String checkConcurrency(int concurrency) {
		return (concurrency < 1) ? "concurrency must be at least 1, got " + concurrency : null;
	}

	/**
	 * Checks the concurrency of a listener against its queue group.
	 * @param concurrency the number of subscriptions
	 * @param queue the queue group, or {@code null} for plain subscriptions
	 * @return {@code null} when it is valid, otherwise the reason it is not
	 */
	public static @Nullable String checkConcurrency(int concurrency, @Nullable String queue) {
		String problem = checkConcurrency(concurrency);
		if (problem != null) {
			return problem;
		}
		if (concurrency > 1 && queue == null) {
			return "concurrency " + concurrency
					+ " needs a queue group; without one every subscription would receive each message";
		}
		return null;
	}
}
