package io.github.natsspring.broker.jetstream.store;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.natsspring.broker.subject.Subjects;

/**
 * What both stores share: the in-memory index of held messages by sequence and by subject, the counters, the
 * limits and their enforcement, expiry, and the listener. A subclass keeps the bytes (in memory or in block
 * files) and records removals its own way; every hook runs with {@link #lock} held, except
 * {@link #awaitDurable(long)}.
 *
 * @param <E> the subclass's entry for one message
 */
abstract class IndexedMessageStore<E extends IndexEntry> implements MessageStore {

	final ReentrantLock lock = new ReentrantLock();

	private final String name;

	private final SequenceIndex<E> index = new SequenceIndex<>();

	private final Map<String, SubjectState> subjects = new HashMap<>();

	private final Map<String, ConsumerStore> consumers = new LinkedHashMap<>();

	private final ScheduledExecutorService executor;

	private final List<E> removedBatch = new ArrayList<>();

	private StoreLimits limits;

	private volatile StoreListener listener;

	private long messages;

	private long bytes;

	private long firstSequence;

	private long lastSequence;

	private long lastTimestamp;

	private ScheduledFuture<?> expiry;

	private boolean closed;

	private volatile RuntimeException failure;

	IndexedMessageStore(String name, StoreLimits limits) {
		this.name = Objects.requireNonNull(name, "name");
		this.limits = Objects.requireNonNull(limits, "limits");
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "jetstream-store-" + name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The size {@link StreamState#bytes()} counts for a message, as nats-server counts it for this kind. */
	abstract long sizeOf(int subjectLength, int headerLength, int payloadLength);

	/** Keeps a new message's bytes, to be made durable by the next {@link #commit()}. */
	abstract E append(long sequence, long timestamp, String subject, byte[] subjectBytes, byte[] headers,
			byte[] payload);

	/** Reads a held message. */
	abstract StoredMessage read(E entry);

	/** A message left the index; {@code erase} asks to overwrite its bytes. */
	abstract void removed(E entry, boolean erase);

	/**
	 * Records removals for the next commit: the first sequence when it moved (everything below it is gone) and
	 * each removed message above it.
	 */
	abstract void recordRemovals(List<E> removed, boolean firstMoved, long firstSequence, long lastTimestamp);

	/** Records that everything below {@code next} is gone, the index having been emptied. */
	abstract void recordPurge(long next, long lastTimestamp);

	/** Writes what was appended and recorded; returns what {@link #awaitDurable} waits for. */
	abstract long commit();

	/** Waits, without the lock, until the commit is as durable as the store promises for each write. */
	abstract void awaitDurable(long commit);

	abstract ConsumerStore openConsumer(String consumer, AckPolicy ackPolicy);

	abstract void deleteConsumerState(String consumer);

	/** Closes what the subclass holds open; {@code delete} removes it too. */
	abstract void release(boolean delete);

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public long store(String subject, byte[] headers, byte[] payload, long timestamp) throws MessageRejectedException {
		byte[] subjectBytes = subject.getBytes(StandardCharsets.UTF_8);
		byte[] storedHeaders = (headers == null || headers.length == 0) ? null : headers;
		List<E> removed;
		long commit;
		long sequence;
		this.lock.lock();
		try {
			ensureOpen();
			SubjectState subjectState = this.subjects.get(subject);
			checkAccepted(subjectState, (storedHeaders == null ? 0 : storedHeaders.length) + payload.length);
			sequence = this.lastSequence + 1;
			E entry;
			try {
				entry = append(sequence, timestamp, subject, subjectBytes, storedHeaders, payload);
			}
			catch (UncheckedIOException ex) {
				throw failed(ex);
			}
			add(entry, subjectState);
			long firstBefore = this.firstSequence;
			enforceLimits(subjectState == null ? this.subjects.get(subject) : subjectState);
			commit = commitRemovals(firstBefore);
			scheduleExpiry();
			removed = takeRemoved();
		}
		finally {
			this.lock.unlock();
		}
		awaitCommitted(commit);
		notifyRemoved(removed);
		return sequence;
	}

	@Override
	public StoredMessage load(long sequence) {
		this.lock.lock();
		try {
			ensureOpen();
			E entry = this.index.get(sequence);
			return (entry == null) ? null : read(entry);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public StoredMessage loadLast(String filter) {
		this.lock.lock();
		try {
			ensureOpen();
			long sequence;
			if (Filters.isAll(filter)) {
				sequence = this.index.previousHeld(this.lastSequence);
			}
			else {
				sequence = 0;
				for (Map.Entry<String, SubjectState> subject : matchingSubjects(filter)) {
					sequence = Math.max(sequence, subject.getValue().last);
				}
			}
			E entry = this.index.get(sequence);
			return (entry == null) ? null : read(entry);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public StoredMessage loadNext(String filter, long fromSequence) {
		this.lock.lock();
		try {
			ensureOpen();
			long end = this.index.end();
			long sequence = this.index.nextHeld(fromSequence);
			if (!Filters.isAll(filter) && Subjects.isLiteral(filter)) {
				SubjectState literal = this.subjects.get(filter);
				if (literal == null) {
					return null;
				}
				sequence = this.index.nextHeld(Math.max(sequence, literal.first));
				end = literal.last + 1;
			}
			for (; sequence < end; sequence = this.index.nextHeld(sequence + 1)) {
				E entry = this.index.get(sequence);
				if (Filters.matches(filter, entry.subject)) {
					return read(entry);
				}
			}
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean remove(long sequence, boolean erase) {
		List<E> removed;
		long commit;
		this.lock.lock();
		try {
			ensureOpen();
			E entry = this.index.get(sequence);
			if (entry == null) {
				return false;
			}
			long firstBefore = this.firstSequence;
			removeEntry(entry, erase);
			commit = commitRemovals(firstBefore);
			removed = takeRemoved();
		}
		finally {
			this.lock.unlock();
		}
		awaitCommitted(commit);
		notifyRemoved(removed);
		return true;
	}

	@Override
	public long purge(PurgeRequest request) {
		List<E> removed;
		long commit;
		long count;
		this.lock.lock();
		try {
			ensureOpen();
			long firstBefore = this.firstSequence;
			if (request.isAll() || (Filters.isAll(request.filter()) && request.belowSequence() > this.lastSequence)) {
				count = purgeBelow(request.isAll() ? this.lastSequence + 1 : request.belowSequence());
				commit = commitPurge();
			}
			else {
				count = purgeMatching(request);
				commit = commitRemovals(firstBefore);
			}
			removed = takeRemoved();
		}
		finally {
			this.lock.unlock();
		}
		awaitCommitted(commit);
		notifyRemoved(removed);
		return count;
	}

	@Override
	public StreamState state() {
		this.lock.lock();
		try {
			ensureOpen();
			long firstTimestamp = (this.messages == 0) ? 0 : this.index.get(this.firstSequence).timestamp;
			long deleted = (this.messages == 0) ? 0 : this.lastSequence - this.firstSequence + 1 - this.messages;
			return new StreamState(this.messages, this.bytes, this.firstSequence, firstTimestamp, this.lastSequence,
					this.lastTimestamp, deleted, this.subjects.size());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Map<String, Long> subjectCounts(String filter) {
		this.lock.lock();
		try {
			ensureOpen();
			Map<String, Long> counts = new HashMap<>();
			for (Map.Entry<String, SubjectState> subject : matchingSubjects(filter)) {
				counts.put(subject.getKey(), subject.getValue().count);
			}
			return counts;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public long count(String filter, long fromSequence) {
		this.lock.lock();
		try {
			ensureOpen();
			if (!Filters.isAll(filter) && Subjects.isLiteral(filter)) {
				SubjectState state = this.subjects.get(filter);
				return (state == null) ? 0 : countFrom(filter, state.first, state.last, fromSequence, state.count);
			}
			long matching = 0;
			for (Map.Entry<String, SubjectState> subject : matchingSubjects(filter)) {
				matching += subject.getValue().count;
			}
			return countFrom(filter, this.firstSequence, this.lastSequence, fromSequence, matching);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Counts the matches from a sequence in a range known to hold {@code all} of them. */
	private long countFrom(String filter, long first, long last, long fromSequence, long all) {
		if (fromSequence <= first) {
			return all;
		}
		long count = 0;
		for (long sequence = this.index.nextHeld(fromSequence); sequence <= last;
				sequence = this.index.nextHeld(sequence + 1)) {
			if (Filters.matches(filter, this.index.get(sequence).subject)) {
				count++;
			}
		}
		return count;
	}

	@Override
	public long firstSequenceSince(long timestamp) {
		this.lock.lock();
		try {
			ensureOpen();
			long end = this.index.end();
			for (long sequence = this.index.nextHeld(0); sequence < end; sequence = this.index.nextHeld(sequence + 1)) {
				if (this.index.get(sequence).timestamp >= timestamp) {
					return sequence;
				}
			}
			return this.lastSequence + 1;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public StoreLimits limits() {
		this.lock.lock();
		try {
			return this.limits;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void updateLimits(StoreLimits limits) {
		List<E> removed;
		long commit;
		this.lock.lock();
		try {
			ensureOpen();
			this.limits = Objects.requireNonNull(limits, "limits");
			if (this.expiry != null) {
				this.expiry.cancel(false);
				this.expiry = null;
			}
			long firstBefore = this.firstSequence;
			enforceAllLimits();
			commit = commitRemovals(firstBefore);
			removed = takeRemoved();
		}
		finally {
			this.lock.unlock();
		}
		awaitCommitted(commit);
		notifyRemoved(removed);
	}

	@Override
	public void setListener(StoreListener listener) {
		this.listener = listener;
	}

	@Override
	public ConsumerStore consumer(String consumer, AckPolicy ackPolicy) {
		Objects.requireNonNull(ackPolicy, "ackPolicy");
		if (consumer.isEmpty() || consumer.equals(".") || consumer.equals("..") || consumer.indexOf('/') >= 0
				|| consumer.indexOf('\\') >= 0) {
			throw new IllegalArgumentException("invalid consumer name '" + consumer + "'");
		}
		this.lock.lock();
		try {
			ensureOpen();
			ConsumerStore store = this.consumers.get(consumer);
			if (store == null) {
				store = openConsumer(consumer, ackPolicy);
				this.consumers.put(consumer, store);
			}
			return store;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The consumers opened since the store was. */
	Set<String> openConsumerNames() {
		return this.consumers.keySet();
	}

	@Override
	public void deleteConsumer(String consumer) {
		this.lock.lock();
		try {
			ensureOpen();
			ConsumerStore store = this.consumers.remove(consumer);
			if (store != null) {
				store.close();
			}
			deleteConsumerState(consumer);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Executor executor() {
		return this.executor;
	}

	/**
	 * The store's thread, for work a subclass schedules on it.
	 * @return the executor {@link #executor()} returns
	 */
	final ScheduledExecutorService scheduler() {
		return this.executor;
	}

	@Override
	public void close() {
		shutDown(false);
	}

	@Override
	public void delete() {
		shutDown(true);
	}

	private void shutDown(boolean delete) {
		this.lock.lock();
		try {
			if (this.closed) {
				if (delete) {
					release(true);
				}
				return;
			}
			this.closed = true;
			if (this.expiry != null) {
				this.expiry.cancel(false);
			}
			this.executor.shutdown();
			for (ConsumerStore store : this.consumers.values()) {
				store.close();
			}
			this.consumers.clear();
			release(delete);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Puts back a message read from storage while opening, under the lock.
	 * @return whether it was taken: {@code false} for a sequence not past those already restored
	 */
	final boolean restore(E entry) {
		if (entry.sequence < this.index.end()) {
			return false;
		}
		add(entry, this.subjects.get(entry.subject));
		return true;
	}

	/** Replays a recorded removal while opening, under the lock. */
	final void restoreRemoval(long sequence) {
		E entry = this.index.get(sequence);
		if (entry != null) {
			removeEntry(entry, false);
		}
		this.lastSequence = Math.max(this.lastSequence, sequence);
	}

	/**
	 * Replays a recorded first sequence while opening, under the lock: everything below it is gone, and the
	 * last timestamp was the one recorded with it.
	 */
	final void restoreFirst(long next, long lastTimestamp) {
		for (long sequence = this.index.nextHeld(0); sequence < next && sequence < this.index.end();
				sequence = this.index.nextHeld(sequence + 1)) {
			removeEntry(this.index.get(sequence), false);
		}
		if (next > this.index.end()) {
			this.index.clear(next);
			this.lastSequence = next - 1;
		}
		this.firstSequence = this.index.base();
		this.lastTimestamp = lastTimestamp;
	}

	/**
	 * Ends opening, under the lock: applies the current limits to what was restored, which may be stricter
	 * than those it was stored under, and starts expiry.
	 * @return the commit to wait on with {@link #awaitCommitted(long)} once the lock is released
	 */
	final long restored() {
		this.removedBatch.clear();
		long firstBefore = this.firstSequence;
		enforceAllLimits();
		long commit = commitRemovals(firstBefore);
		this.removedBatch.clear();
		return commit;
	}

	/** Waits on a commit, the store failing for good when the disk does. */
	final void awaitCommitted(long commit) {
		try {
			awaitDurable(commit);
		}
		catch (UncheckedIOException ex) {
			throw failed(ex);
		}
	}

	final void ensureOpen() {
		if (this.failure != null) {
			throw new IllegalStateException("store '" + this.name + "' failed; close and reopen it", this.failure);
		}
		if (this.closed) {
			throw new IllegalStateException("store '" + this.name + "' is closed");
		}
	}

	/** Marks the store failed for good after an I/O error, returning the error to throw. */
	final RuntimeException failed(UncheckedIOException ex) {
		this.failure = ex;
		return ex;
	}

	private void checkAccepted(SubjectState subjectState, int rawSize) throws MessageRejectedException {
		StoreLimits limits = this.limits;
		if (limits.maxMessageSize() > 0 && rawSize > limits.maxMessageSize()) {
			throw new MessageRejectedException(MessageRejectedException.Reason.MESSAGE_TOO_LARGE);
		}
		if (limits.discard() != DiscardPolicy.NEW) {
			return;
		}
		boolean subjectFull = limits.maxMessagesPerSubject() > 0 && subjectState != null
				&& subjectState.count >= limits.maxMessagesPerSubject();
		if (subjectFull && limits.discardNewPerSubject()) {
			throw new MessageRejectedException(MessageRejectedException.Reason.MAXIMUM_MESSAGES_PER_SUBJECT);
		}
		if (limits.maxMessages() > 0 && this.messages >= limits.maxMessages() && !subjectFull) {
			throw new MessageRejectedException(MessageRejectedException.Reason.MAXIMUM_MESSAGES);
		}
		// as nats-server: the raw size is compared, and a full subject only makes room if its oldest is larger
		if (limits.maxBytes() > 0 && this.bytes + rawSize >= limits.maxBytes()
				&& (!subjectFull || this.index.get(subjectState.first).size <= rawSize)) {
			throw new MessageRejectedException(MessageRejectedException.Reason.MAXIMUM_BYTES);
		}
	}

	private void add(E entry, SubjectState subjectState) {
		this.index.put(entry);
		if (this.messages == 0) {
			this.firstSequence = entry.sequence;
		}
		this.messages++;
		this.bytes += entry.size;
		this.lastSequence = entry.sequence;
		this.lastTimestamp = entry.timestamp;
		if (subjectState == null) {
			this.subjects.put(entry.subject, new SubjectState(entry.sequence));
		}
		else {
			subjectState.count++;
			subjectState.last = entry.sequence;
		}
	}

	private void removeEntry(E entry, boolean erase) {
		long sequence = entry.sequence;
		this.index.remove(sequence);
		this.messages--;
		this.bytes -= entry.size;
		if (sequence == this.firstSequence) {
			this.firstSequence = this.index.base();
		}
		SubjectState subjectState = this.subjects.get(entry.subject);
		if (--subjectState.count == 0) {
			this.subjects.remove(entry.subject);
		}
		else if (subjectState.count == 1) {
			// the one left is whichever end was not removed: no scan, which keeps a KV put constant-time
			subjectState.first = (sequence == subjectState.first) ? subjectState.last : subjectState.first;
			subjectState.last = subjectState.first;
		}
		else if (sequence == subjectState.first) {
			long next = this.index.nextHeld(sequence + 1);
			while (!this.index.get(next).subject.equals(entry.subject)) {
				next = this.index.nextHeld(next + 1);
			}
			subjectState.first = next;
		}
		else if (sequence == subjectState.last) {
			long previous = this.index.previousHeld(sequence - 1);
			while (!this.index.get(previous).subject.equals(entry.subject)) {
				previous = this.index.previousHeld(previous - 1);
			}
			subjectState.last = previous;
		}
		removed(entry, erase);
		this.removedBatch.add(entry);
	}

	private void enforceLimits(SubjectState subjectState) {
		long maxPerSubject = this.limits.maxMessagesPerSubject();
		if (maxPerSubject > 0) {
			while (subjectState.count > maxPerSubject) {
				removeEntry(this.index.get(subjectState.first), false);
			}
		}
		enforceTotals();
	}

	private void enforceAllLimits() {
		long maxPerSubject = this.limits.maxMessagesPerSubject();
		if (maxPerSubject > 0) {
			for (SubjectState subjectState : List.copyOf(this.subjects.values())) {
				while (subjectState.count > maxPerSubject) {
					removeEntry(this.index.get(subjectState.first), false);
				}
			}
		}
		enforceTotals();
		expireOlderThan(epochNanos());
		scheduleExpiry();
	}

	private void enforceTotals() {
		long maxMessages = this.limits.maxMessages();
		while (maxMessages > 0 && this.messages > maxMessages) {
			removeEntry(this.index.get(this.firstSequence), false);
		}
		long maxBytes = this.limits.maxBytes();
		while (maxBytes > 0 && this.bytes > maxBytes) {
			removeEntry(this.index.get(this.firstSequence), false);
		}
	}

	private void expireOlderThan(long now) {
		long maxAge = this.limits.maxAge().toNanos();
		if (maxAge == 0) {
			return;
		}
		long cutoff = now - maxAge;
		while (this.messages > 0 && this.index.get(this.firstSequence).timestamp <= cutoff) {
			removeEntry(this.index.get(this.firstSequence), false);
		}
	}

	private void scheduleExpiry() {
		long maxAge = this.limits.maxAge().toNanos();
		if (maxAge == 0 || this.expiry != null || this.messages == 0 || this.closed) {
			return;
		}
		long delay = Math.max(0, this.index.get(this.firstSequence).timestamp + maxAge - epochNanos());
		this.expiry = this.executor.schedule(this::expire, delay, TimeUnit.NANOSECONDS);
	}

	private void expire() {
		List<E> removed;
		long commit;
		this.lock.lock();
		try {
			this.expiry = null;
			if (this.closed || this.failure != null) {
				return;
			}
			long firstBefore = this.firstSequence;
			expireOlderThan(epochNanos());
			commit = commitRemovals(firstBefore);
			scheduleExpiry();
			removed = takeRemoved();
		}
		finally {
			this.lock.unlock();
		}
		awaitCommitted(commit);
		notifyRemoved(removed);
	}

	private long purgeBelow(long next) {
		long count = this.messages;
		long end = this.index.end();
		for (long sequence = this.index.nextHeld(0); sequence < end; sequence = this.index.nextHeld(sequence + 1)) {
			E entry = this.index.get(sequence);
			removed(entry, false);
			this.removedBatch.add(entry);
		}
		this.index.clear(next);
		this.subjects.clear();
		this.messages = 0;
		this.bytes = 0;
		this.lastSequence = Math.max(this.lastSequence, next - 1);
		this.firstSequence = next;
		return count;
	}

	private long commitPurge() {
		try {
			recordPurge(this.firstSequence, this.lastTimestamp);
			return commit();
		}
		catch (UncheckedIOException ex) {
			throw failed(ex);
		}
	}

	private long purgeMatching(PurgeRequest request) {
		String filter = request.filter();
		long removable = Long.MAX_VALUE;
		if (request.keep() > 0) {
			long matching = 0;
			for (Map.Entry<String, SubjectState> subject : matchingSubjects(filter)) {
				matching += subject.getValue().count;
			}
			removable = matching - request.keep();
		}
		long end = (request.belowSequence() > 0) ? request.belowSequence() : this.index.end();
		long sequence = this.index.nextHeld(0);
		if (!Filters.isAll(filter) && Subjects.isLiteral(filter)) {
			SubjectState literal = this.subjects.get(filter);
			if (literal == null) {
				return 0;
			}
			sequence = literal.first;
			end = Math.min(end, literal.last + 1);
		}
		long count = 0;
		for (; count < removable && sequence < end; sequence = this.index.nextHeld(sequence + 1)) {
			E entry = this.index.get(sequence);
			if (entry == null) {
				break;
			}
			if (Filters.matches(filter, entry.subject)) {
				removeEntry(entry, false);
				count++;
			}
		}
		return count;
	}

	private long commitRemovals(long firstBefore) {
		try {
			if (!this.removedBatch.isEmpty()) {
				recordRemovals(this.removedBatch, this.firstSequence != firstBefore, this.firstSequence,
						this.lastTimestamp);
			}
			return commit();
		}
		catch (UncheckedIOException ex) {
			throw failed(ex);
		}
	}

	private List<E> takeRemoved() {
		if (this.removedBatch.isEmpty()) {
			return List.of();
		}
		List<E> removed = (this.listener == null) ? List.of() : List.copyOf(this.removedBatch);
		this.removedBatch.clear();
		return removed;
	}

	private void notifyRemoved(List<E> removed) {
		StoreListener listener = this.listener;
		if (listener != null) {
			for (E entry : removed) {
				listener.removed(entry.sequence, entry.subject);
			}
		}
	}

	private List<Map.Entry<String, SubjectState>> matchingSubjects(String filter) {
		if (!Filters.isAll(filter) && Subjects.isLiteral(filter)) {
			SubjectState state = this.subjects.get(filter);
			return (state == null) ? List.of() : List.of(Map.entry(filter, state));
		}
		List<Map.Entry<String, SubjectState>> matching = new ArrayList<>();
		for (Map.Entry<String, SubjectState> subject : this.subjects.entrySet()) {
			if (Filters.matches(filter, subject.getKey())) {
				matching.add(subject);
			}
		}
		return matching;
	}

	static long epochNanos() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	/** Messages held on one subject. */
	private static final class SubjectState {

		long count = 1;

		long first;

		long last;

		SubjectState(long sequence) {
			this.first = sequence;
			this.last = sequence;
		}
	}
}
