package io.github.natsspring.broker.subject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link SubjectMatch} reduced to sorted subscriber names, so that results compare regardless of order.
 *
 * @param subscribers the plain subscribers' names, sorted, duplicates kept
 * @param queueGroups each group's sorted member names by group name
 */
record MatchView(List<String> subscribers, Map<String, List<String>> queueGroups) {

	static MatchView of(SubjectMatch<Subscriber> match) {
		Map<String, List<String>> groups = new TreeMap<>();
		for (int i = 0; i < match.queueGroupCount(); i++) {
			SubjectMatch.QueueGroup<Subscriber> group = match.queueGroup(i);
			groups.put(group.name(), names(group.members()));
		}
		return new MatchView(names(match.subscribers()), groups);
	}

	static List<String> names(List<Subscriber> subscribers) {
		return subscribers.stream().map(Subscriber::name).sorted().toList();
	}

}
