package io.github.natsspring.broker.subject;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The subscriptions a published subject reaches: the plain subscribers, who all get the message, and the queue
 * groups, each of which gets it once through one member of the router's choosing.
 * <p>
 * Immutable and shared: {@link SubjectTrie} hands out the same instance for every publish to a cached subject, so
 * the indexed accessors read arrays without allocating. A subscriber inserted under several matching subjects
 * appears once per insertion. Groups are identified by name alone: members subscribed under different subjects
 * that both match form one group, as in nats-server.
 *
 * @param <T> the subscriber type
 */
public final class SubjectMatch<T> {

	private static final SubjectMatch<?> EMPTY = new SubjectMatch<>(new Object[0], new QueueGroup<?>[0]);

	private final Object[] subscribers;

	private final QueueGroup<?>[] queueGroups;

	private SubjectMatch(Object[] subscribers, QueueGroup<?>[] queueGroups) {
		this.subscribers = subscribers;
		this.queueGroups = queueGroups;
	}

	/**
	 * The shared match of nothing.
	 * @param <T> the subscriber type
	 * @return the empty match
	 */
	@SuppressWarnings("unchecked")
	public static <T> SubjectMatch<T> empty() {
		return (SubjectMatch<T>) EMPTY;
	}

	static <T> SubjectMatch<T> of(Object[] subscribers, QueueGroup<?>[] queueGroups) {
		if (subscribers.length == 0 && queueGroups.length == 0) {
			return empty();
		}
		return new SubjectMatch<>(subscribers, queueGroups);
	}

	/**
	 * Whether no subscription matched.
	 * @return {@code true} when there is neither a plain subscriber nor a queue group
	 */
	public boolean isEmpty() {
		return this.subscribers.length == 0 && this.queueGroups.length == 0;
	}

	/**
	 * How many plain (non-queue) subscribers matched.
	 * @return the number of plain subscribers
	 */
	public int subscriberCount() {
		return this.subscribers.length;
	}

	/**
	 * One plain subscriber.
	 * @param index from 0 to {@link #subscriberCount()} exclusive
	 * @return the subscriber at that index
	 */
	@SuppressWarnings("unchecked")
	public T subscriber(int index) {
		return (T) this.subscribers[index];
	}

	/**
	 * The plain subscribers as a read-only list view.
	 * @return the plain subscribers
	 */
	@SuppressWarnings("unchecked")
	public List<T> subscribers() {
		return Collections.unmodifiableList(Arrays.asList((T[]) this.subscribers));
	}

	/**
	 * How many queue groups matched.
	 * @return the number of distinct queue group names
	 */
	public int queueGroupCount() {
		return this.queueGroups.length;
	}

	/**
	 * One queue group.
	 * @param index from 0 to {@link #queueGroupCount()} exclusive
	 * @return the group at that index
	 */
	@SuppressWarnings("unchecked")
	public QueueGroup<T> queueGroup(int index) {
		return (QueueGroup<T>) this.queueGroups[index];
	}

	/**
	 * The queue groups as a read-only list view.
	 * @return the queue groups, each with at least one member
	 */
	@SuppressWarnings("unchecked")
	public List<QueueGroup<T>> queueGroups() {
		return Collections.unmodifiableList(Arrays.asList((QueueGroup<T>[]) this.queueGroups));
	}

	SubjectMatch<T> withSubscriber(String queue, T subscriber) {
		if (queue == null) {
			return new SubjectMatch<>(append(this.subscribers, subscriber), this.queueGroups);
		}
		int index = indexOfGroup(queue);
		QueueGroup<?>[] groups;
		if (index < 0) {
			groups = Arrays.copyOf(this.queueGroups, this.queueGroups.length + 1);
			groups[groups.length - 1] = new QueueGroup<>(queue, new Object[] { subscriber });
		}
		else {
			groups = this.queueGroups.clone();
			groups[index] = new QueueGroup<>(queue, append(groups[index].members, subscriber));
		}
		return new SubjectMatch<>(this.subscribers, groups);
	}

	SubjectMatch<T> withoutSubscriber(String queue, T subscriber) {
		if (queue == null) {
			return of(removeOne(this.subscribers, subscriber), this.queueGroups);
		}
		int index = indexOfGroup(queue);
		if (index < 0) {
			return this;
		}
		Object[] members = removeOne(this.queueGroups[index].members, subscriber);
		QueueGroup<?>[] groups;
		if (members.length == 0) {
			groups = Arrays.copyOf(this.queueGroups, this.queueGroups.length - 1);
			System.arraycopy(this.queueGroups, index + 1, groups, index, groups.length - index);
		}
		else {
			groups = this.queueGroups.clone();
			groups[index] = new QueueGroup<>(queue, members);
		}
		return of(this.subscribers, groups);
	}

	private int indexOfGroup(String queue) {
		for (int i = 0; i < this.queueGroups.length; i++) {
			if (this.queueGroups[i].name.equals(queue)) {
				return i;
			}
		}
		return -1;
	}

	private static Object[] append(Object[] array, Object element) {
		Object[] copy = Arrays.copyOf(array, array.length + 1);
		copy[array.length] = element;
		return copy;
	}

	private static Object[] removeOne(Object[] array, Object element) {
		for (int i = 0; i < array.length; i++) {
			if (array[i] == element) {
				Object[] copy = new Object[array.length - 1];
				System.arraycopy(array, 0, copy, 0, i);
				System.arraycopy(array, i + 1, copy, i, copy.length - i);
				return copy;
			}
		}
		return array;
	}

	@Override
	public String toString() {
		return "SubjectMatch[subscribers=" + subscribers() + ", queueGroups=" + queueGroups() + "]";
	}

	/**
	 * The members of one queue group that a subject reaches; the router delivers to one of them.
	 *
	 * @param <T> the subscriber type
	 */
	public static final class QueueGroup<T> {

		private final String name;

		private final Object[] members;

		QueueGroup(String name, Object[] members) {
			this.name = name;
			this.members = members;
		}

		/**
		 * The queue group name given in {@code SUB}.
		 * @return the group name
		 */
		public String name() {
			return this.name;
		}

		/**
		 * How many members the group has; never 0.
		 * @return the number of members
		 */
		public int size() {
			return this.members.length;
		}

		/**
		 * One member, e.g. {@code member(random.nextInt(size()))}.
		 * @param index from 0 to {@link #size()} exclusive
		 * @return the member at that index
		 */
		@SuppressWarnings("unchecked")
		public T member(int index) {
			return (T) this.members[index];
		}

		/**
		 * The members as a read-only list view.
		 * @return the members
		 */
		@SuppressWarnings("unchecked")
		public List<T> members() {
			return Collections.unmodifiableList(Arrays.asList((T[]) this.members));
		}

		@Override
		public String toString() {
			return this.name + "=" + members();
		}

	}

}
