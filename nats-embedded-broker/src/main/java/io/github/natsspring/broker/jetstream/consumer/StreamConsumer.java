package io.github.natsspring.broker.jetstream.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.jetstream.RetentionPolicy;
import io.github.natsspring.broker.jetstream.api.JsonWriter;
import io.github.natsspring.broker.jetstream.consumer.DeliveryTracker.Redelivery;
import io.github.natsspring.broker.jetstream.store.AckPolicy;
import io.github.natsspring.broker.jetstream.store.ConsumerState;
import io.github.natsspring.broker.jetstream.store.ConsumerStore;
import io.github.natsspring.broker.jetstream.store.MemoryConsumerStore;
import io.github.natsspring.broker.jetstream.store.MessageStore;
import io.github.natsspring.broker.jetstream.store.PendingDelivery;
import io.github.natsspring.broker.jetstream.store.StoredMessage;
import io.github.natsspring.broker.jetstream.store.StreamState;
import io.github.natsspring.broker.protocol.GoDuration;
import io.github.natsspring.broker.subject.Subjects;

/**
 * One consumer of a stream, with nats-server 2.9.10's delivery rules: redeliveries first, then a
 * {@code last_per_subject} start's skip list, then the next matching message, while {@code max_ack_pending}
 * allows; a pull consumer delivers to its waiting requests in arrival order, a push consumer to its deliver
 * subject while that has interest and flow control allows.
 * <p>
 * Threading: everything runs on the stream's executor. Timers (ack wait, heartbeats, pull request expiry,
 * inactivity) are folded into one wake-up per consumer, scheduled on JetStream's scheduler,
 * which only hands the work over to the executor. {@code num_pending} is kept as a count, changed as messages
 * are stored, removed and delivered; the store counts only when the consumer starts.
 */
final class StreamConsumer {

	private static final System.Logger LOG = System.getLogger(StreamConsumer.class.getName());

	/** nats-server's {@code JsFlowControlMaxPending}: the largest flow control window. */
	private static final long FLOW_CONTROL_LIMIT = 32L * 1024 * 1024;

	private static final byte[] EMPTY = new byte[0];

	/**
	 * How every consumer store is opened: the tracker applies the consumer's own ack policy and tells the store
	 * of each message that leaves pending, so a store can be opened before its metadata says the policy.
	 */
	static final AckPolicy STORE_ACK_POLICY = AckPolicy.EXPLICIT;

	private final StreamConsumerSet set;

	private final String streamName;

	private final String name;

	private final Instant created;

	private final ConsumerStore store;

	private final boolean ownStore;

	private final DeliveryTracker tracker;

	private final ArrayDeque<PullWaiter> waiting = new ArrayDeque<>();

	/** Volatile: the stream consumer set reads the deliver subject on the thread that changes interest. */
	private volatile ConsumerConfig config;

	/** The next stream sequence to look at for a first delivery (nats-server's {@code sseq}). */
	private long nextSequence;

	/** The last message of each subject still to deliver, for a {@code last_per_subject} start. */
	private ArrayDeque<Long> skipList;

	private long skipResume;

	private long numPending;

	/** Whether a push consumer's deliver subject has interest. */
	private boolean active;

	private long lastDelivery;

	private long lastAck;

	private long lastHeartbeat;

	/** When the consumer was last used, for {@code inactive_threshold}. */
	private long lastActivity;

	private long flowWindow = FLOW_CONTROL_LIMIT / 16;

	private long flowPendingBytes;

	private long flowControlSize;

	private String flowControlSubject;

	private ScheduledFuture<?> wake;

	private long wakeAt = Long.MAX_VALUE;

	private boolean closed;

	private StreamConsumer(StreamConsumerSet set, String name, ConsumerConfig config, Instant created,
			ConsumerStore store, boolean ownStore) {
		this.set = set;
		this.streamName = set.stream().name();
		this.name = name;
		this.config = config;
		this.created = created;
		this.store = store;
		this.ownStore = ownStore;
		this.tracker = new DeliveryTracker(config.ackPolicy(), config.maxDeliver(), config.ackWait(), config.backoff());
		this.lastActivity = now();
	}

	/**
	 * Creates a new consumer at the start its deliver policy selects and keeps its configuration.
	 */
	static StreamConsumer create(StreamConsumerSet set, String name, ConsumerConfig config) {
		MessageStore messages = set.stream().store();
		boolean memory = config.memStorage();
		ConsumerStore store = memory ? new MemoryConsumerStore(name, STORE_ACK_POLICY)
				: messages.consumer(name, STORE_ACK_POLICY);
		Instant created = Instant.now();
		StreamConsumer consumer = new StreamConsumer(set, name, config, created, store, !memory);
		consumer.selectStart();
		if (!memory) {
			store.writeMetadata(ConsumerMetadata.toBytes(config, created));
		}
		return consumer;
	}

	/**
	 * Recovers a consumer from its store after a restart.
	 */
	static StreamConsumer recover(StreamConsumerSet set, String name, ConsumerMetadata metadata, ConsumerStore store) {
		StreamConsumer consumer = new StreamConsumer(set, name, metadata.config(), metadata.created(), store, true);
		consumer.restore(store.state());
		return consumer;
	}

	// ---- identity and configuration ---------------------------------------------------------------------------

	String name() {
		return this.name;
	}

	ConsumerConfig config() {
		return this.config;
	}

	Instant created() {
		return this.created;
	}

	boolean isPull() {
		return this.config.isPull();
	}

	boolean isActive() {
		return this.active;
	}

	boolean matches(String subject) {
		return !this.config.isFiltered() || this.config.filterSubject().equals(subject)
				|| Subjects.matches(this.config.filterSubject(), subject);
	}

	/**
	 * Takes a new configuration for an existing consumer (what nats-server's {@code updateConfig} allows).
	 */
	void update(ConsumerConfig updated) {
		boolean deliverSubjectChanged = !Objects.equals(updated.deliverSubject(), this.config.deliverSubject());
		this.config = updated;
		if (deliverSubjectChanged) {
			this.active = false;
			// nats-server redelivers everything pending when the deliver subject changes
			this.tracker.expire(Long.MAX_VALUE);
			checkInterest();
		}
		if (this.ownStore) {
			this.store.writeMetadata(ConsumerMetadata.toBytes(updated, this.created));
		}
		pump();
	}

	// ---- start and recovery -----------------------------------------------------------------------------------

	/** nats-server's {@code selectStartingSeqNo}. */
	private void selectStart() {
		MessageStore messages = this.set.stream().store();
		StreamState state = messages.state();
		String filter = filter();
		long sequence = switch (this.config.deliverPolicy()) {
			case ALL -> state.firstSequence();
			case LAST -> {
				if (this.config.isFiltered()) {
					StoredMessage last = messages.loadLast(filter);
					yield (last != null) ? last.sequence() : 0;
				}
				yield state.lastSequence();
			}
			case LAST_PER_SUBJECT -> {
				List<Long> lasts = new ArrayList<>();
				for (String subject : messages.subjectCounts(filter).keySet()) {
					StoredMessage last = messages.loadLast(subject);
					if (last != null) {
						lasts.add(last.sequence());
					}
				}
				if (lasts.isEmpty()) {
					yield state.lastSequence();
				}
				lasts.sort(null);
				this.skipList = new ArrayDeque<>(lasts);
				this.skipResume = state.lastSequence();
				yield lasts.get(0);
			}
			case NEW -> state.lastSequence() + 1;
			case BY_START_SEQUENCE -> this.config.optStartSeq();
			case BY_START_TIME -> messages.firstSequenceSince(GoTimestamps.toNanos(this.config.optStartTime()));
		};
		if (state.firstSequence() == 0) {
			sequence = 1;
		}
		else if (sequence < state.firstSequence()) {
			sequence = state.firstSequence();
		}
		else if (sequence > state.lastSequence()) {
			sequence = state.lastSequence() + 1;
		}
		this.nextSequence = sequence;
		this.tracker.start(sequence - 1);
		this.store.setStartingSequence(sequence - 1);
		if (this.skipList != null) {
			this.numPending = this.skipList.size() + messages.count(filter, this.skipResume + 1);
		}
		else {
			this.numPending = messages.count(filter, sequence);
		}
	}

	private void restore(ConsumerState state) {
		MessageStore messages = this.set.stream().store();
		this.tracker.restore(state);
		this.nextSequence = state.delivered().streamSequence() + 1;
		this.numPending = messages.count(filter(), this.nextSequence);
		for (Map.Entry<Long, PendingDelivery> pending : state.pending()
			.entrySet()) {
			if (messages.load(pending.getKey()) == null) {
				this.tracker.removed(pending.getKey());
				this.store.acked(pending.getValue().consumerSequence(), pending.getKey());
			}
		}
	}

	/** Starts delivering and the timers; called once the consumer is registered with its stream. */
	void start() {
		if (!isPull()) {
			checkInterest();
		}
		pump();
		reschedule();
	}

	// ---- stream events ----------------------------------------------------------------------------------------

	void messageStored(StoredMessage message) {
		if (this.closed || !matches(message.subject())) {
			return;
		}
		if (message.sequence() >= this.nextSequence || this.skipList != null) {
			this.numPending++;
		}
		if (!isPull() && !this.active) {
			checkInterest();
		}
		pump();
	}

	void messageRemoved(long sequence, String subject) {
		if (this.closed) {
			return;
		}
		if (matches(subject)) {
			if (this.skipList != null) {
				if (this.skipList.remove(sequence) || sequence > this.skipResume) {
					this.numPending--;
				}
			}
			else if (sequence >= this.nextSequence) {
				this.numPending--;
			}
		}
		long consumerSequence = this.tracker.consumerSequence(sequence);
		if (this.tracker.removed(sequence)) {
			this.store.acked(consumerSequence, sequence);
		}
	}

	/**
	 * The stream was purged (nats-server's {@code consumer.purge}): the consumer moves up to the first sequence
	 * still held when it was below, and forgets what was pending.
	 * @param firstSequence the first sequence still held, 0 for none
	 * @param lastSequence the stream's last sequence
	 */
	void purged(long firstSequence, long lastSequence) {
		if (this.closed) {
			return;
		}
		long first = (firstSequence == 0) ? lastSequence + 1 : firstSequence;
		this.nextSequence = Math.max(this.nextSequence, first);
		for (Map.Entry<Long, PendingDelivery> dropped : this.tracker.purged(first).entrySet()) {
			this.store.acked(dropped.getValue().consumerSequence(), dropped.getKey());
		}
		if (this.skipList == null) {
			this.numPending = this.set.stream().store().count(filter(), this.nextSequence);
		}
		pump();
	}

	// ---- acks -------------------------------------------------------------------------------------------------

	void ackReceived(AckSubject subject, AckRequest ack, String reply) {
		if (this.closed) {
			return;
		}
		long now = now();
		long sequence = subject.streamSequence();
		switch (ack.kind()) {
			case ACK -> acknowledge(sequence, subject.consumerSequence(), now);
			case NEXT -> {
				acknowledge(sequence, subject.consumerSequence(), now);
				if (reply != null) {
					pullRequest(reply, ack.nextRequest());
				}
				return;
			}
			case NAK -> {
				if (this.tracker.nak(sequence, ack.delay(), now)) {
					if (ack.delay() >= 0) {
						persistDeliveryTime(sequence);
						reschedule();
					}
					else {
						pump();
					}
				}
			}
			case PROGRESS -> {
				if (this.tracker.progress(sequence, now)) {
					persistDeliveryTime(sequence);
					reschedule();
				}
			}
			case TERM -> acknowledge(sequence, subject.consumerSequence(), now);
			case UNKNOWN -> {
			}
		}
		if (reply != null && sequence != 0) {
			this.set.client().publish(reply, null, null, EMPTY);
		}
	}

	private void acknowledge(long sequence, long consumerSequence, long now) {
		boolean wasFull = atMaxAckPending();
		List<Long> acked = this.tracker.ack(sequence, consumerSequence);
		if (acked.isEmpty()) {
			return;
		}
		this.lastAck = now;
		for (long done : acked) {
			this.store.acked(0, done);
			this.set.acknowledged(this, done);
		}
		if (wasFull) {
			pump();
		}
	}

	private void persistDeliveryTime(long sequence) {
		this.store.delivered(this.tracker.consumerSequence(sequence), sequence, this.tracker.deliveryCount(sequence),
				this.tracker.deliveryTime(sequence));
	}

	/**
	 * Whether this consumer is still to acknowledge a message, for interest retention (nats-server's
	 * {@code needAck}).
	 */
	boolean needsAck(long sequence, String subject) {
		if (!matches(subject)) {
			return false;
		}
		if (sequence <= this.tracker.ackFloor().streamSequence()) {
			return false;
		}
		if (this.config.ackPolicy() != AckPolicy.EXPLICIT) {
			return true;
		}
		return sequence >= this.nextSequence || this.tracker.isPending(sequence);
	}

	// ---- pull requests ----------------------------------------------------------------------------------------

	void pullRequest(String reply, byte[] body) {
		if (this.closed) {
			return;
		}
		if (!isPull()) {
			status(reply, StatusFrames.status(409, "Consumer is push based"));
			return;
		}
		PullRequest request;
		try {
			request = PullRequest.parse(body);
		}
		catch (IllegalArgumentException ex) {
			status(reply, StatusFrames.status(400, "Bad Request - " + ex.getMessage()));
			return;
		}
		long now = now();
		if (this.config.maxBatch() > 0 && request.batch() > this.config.maxBatch()) {
			status(reply, StatusFrames.status(409, "Exceeded MaxRequestBatch of " + this.config.maxBatch()));
			return;
		}
		if (request.expires() > 0 && this.config.maxExpires() > 0 && request.expires() > this.config.maxExpires()) {
			status(reply, StatusFrames.status(409,
					"Exceeded MaxRequestExpires of " + GoDuration.format(Duration.ofNanos(this.config.maxExpires()))));
			return;
		}
		if (request.maxBytes() > 0 && this.config.maxBytes() > 0 && request.maxBytes() > this.config.maxBytes()) {
			status(reply, StatusFrames.status(409, "Exceeded MaxRequestMaxBytes of " + this.config.maxBytes()));
			return;
		}
		this.lastActivity = now;
		if (this.waiting.size() >= this.config.maxWaiting()) {
			expireWaiting(now, false);
		}
		if (request.noWait() && request.expires() == 0 && available() == 0) {
			status(reply, StatusFrames.noMessages());
			return;
		}
		if (this.waiting.size() >= this.config.maxWaiting()) {
			status(reply, StatusFrames.status(409, "Exceeded MaxWaiting"));
			return;
		}
		this.waiting.add(new PullWaiter(reply, request, now));
		pump();
		reschedule();
	}

	private long available() {
		return this.numPending + (this.tracker.hasRedeliveries() ? 1 : 0);
	}

	int waitingCount() {
		return this.waiting.size();
	}

	/**
	 * Ends the waiting requests that expired, or lost their requester, and sends heartbeats that are due;
	 * at the end of the stream also the {@code no_wait} requests that got something.
	 */
	private void expireWaiting(long now, boolean endOfStream) {
		Iterator<PullWaiter> requests = this.waiting.iterator();
		while (requests.hasNext()) {
			PullWaiter request = requests.next();
			if ((endOfStream && request.noWait && request.delivered > 0) || request.isExpired(now)) {
				status(request.reply, StatusFrames.requestTimeout(request.remaining, request.remainingBytes));
				requests.remove();
			}
			else if (!this.set.hasSubscribers(request.reply)) {
				requests.remove();
			}
			else if (request.heartbeatAt != 0 && now >= request.heartbeatAt) {
				status(request.reply, heartbeat());
				request.heartbeatAt = now + request.heartbeat;
			}
		}
	}

	// ---- delivery ---------------------------------------------------------------------------------------------

	/** Delivers what can be delivered now. */
	void pump() {
		if (this.closed) {
			return;
		}
		MessageStore messages = this.set.stream().store();
		List<Long> dropped = new ArrayList<>();
		boolean endOfStream = false;
		while (true) {
			if (isPull() ? this.waiting.isEmpty() : (!this.active || flowControlBlocked())) {
				break;
			}
			Candidate candidate = nextCandidate(messages, dropped);
			if (candidate == null) {
				endOfStream = !atMaxAckPending();
				break;
			}
			if (!deliver(candidate)) {
				break;
			}
		}
		for (long sequence : dropped) {
			this.store.acked(0, sequence);
		}
		if (isPull() && !this.waiting.isEmpty()) {
			expireWaiting(now(), endOfStream);
		}
	}

	private Candidate nextCandidate(MessageStore messages, List<Long> dropped) {
		while (this.tracker.hasRedeliveries()) {
			Redelivery redelivery = this.tracker.nextRedelivery(dropped);
			if (redelivery == null) {
				break;
			}
			StoredMessage message = messages.load(redelivery.streamSequence());
			if (message == null) {
				long consumerSequence = this.tracker.consumerSequence(redelivery.streamSequence());
				this.tracker.removed(redelivery.streamSequence());
				this.store.acked(consumerSequence, redelivery.streamSequence());
				continue;
			}
			return new Candidate(message, redelivery, false);
		}
		if (atMaxAckPending()) {
			return null;
		}
		if (this.skipList != null) {
			while (!this.skipList.isEmpty()) {
				StoredMessage message = messages.load(this.skipList.peekFirst());
				if (message != null) {
					return new Candidate(message, null, true);
				}
				this.skipList.pollFirst();
				this.numPending--;
			}
			endSkipList();
		}
		StoredMessage message = messages.loadNext(filter(), this.nextSequence);
		if (message == null) {
			// as nats-server's LoadNextMsg at the end of the stream: a filtered consumer moves past what it skipped
			this.nextSequence = Math.max(this.nextSequence, messages.state().lastSequence() + 1);
			return null;
		}
		return new Candidate(message, null, false);
	}

	private void endSkipList() {
		this.skipList = null;
		this.nextSequence = Math.max(this.nextSequence, this.skipResume + 1);
	}

	private boolean atMaxAckPending() {
		return this.tracker.acknowledges() && this.config.maxAckPending() > 0
				&& this.tracker.pendingCount() >= this.config.maxAckPending();
	}

	/**
	 * Sends one message to the deliver subject or the first waiting request that takes it; returns whether it
	 * went out.
	 */
	private boolean deliver(Candidate candidate) {
		StoredMessage message = candidate.message;
		int deliveryCount = (candidate.redelivery != null) ? candidate.redelivery.deliveryCount() : 1;
		long consumerSequence = this.tracker.nextConsumerSequence();
		long pendingAfter = (candidate.redelivery != null) ? this.numPending : this.numPending - 1;
		String ackSubject = new AckSubject(this.streamName, this.name, deliveryCount, message.sequence(),
				consumerSequence, message.timestamp(), Math.max(0, pendingAfter)).format();
		byte[] headers = message.headers();
		byte[] payload = message.payload();
		if (this.config.headersOnly()) {
			headers = HeadersOnly.headers(headers, payload.length);
			payload = EMPTY;
		}
		int size = message.subject().length() + ackSubject.length() + ((headers != null) ? headers.length : 0)
				+ payload.length;
		String target;
		if (isPull()) {
			PullWaiter request = takeWaiter(size);
			if (request == null) {
				undo(candidate);
				return false;
			}
			target = request.reply;
		}
		else {
			target = this.config.deliverSubject();
		}
		int receivers = this.set.client().publishDelivery(target, message.subject(), ackSubject, headers, payload);
		if (!isPull() && receivers == 0) {
			// nobody listens any more: nats-server's didNotDeliver marks a push consumer inactive
			undo(candidate);
			this.active = false;
			reschedule();
			return false;
		}
		commit(candidate, consumerSequence, deliveryCount);
		if (!isPull() && this.config.flowControl()) {
			this.flowPendingBytes += size + target.length();
			if (this.flowControlSubject == null && this.flowPendingBytes > this.flowWindow / 2) {
				sendFlowControl();
			}
			else if (this.flowControlSubject != null
					&& this.flowPendingBytes - this.flowControlSize >= this.flowWindow) {
				this.flowControlSize += size;
			}
		}
		return true;
	}

	/** The first waiting request that can take a message of a size; those it is too large for are ended. */
	private PullWaiter takeWaiter(int size) {
		long now = now();
		while (!this.waiting.isEmpty()) {
			PullWaiter request = this.waiting.peekFirst();
			if (request.isExpired(now)) {
				return null;
			}
			if (request.limitsBytes) {
				if (size > request.remainingBytes) {
					status(request.reply, StatusFrames.maxBytesExceeded(request.remaining, request.remainingBytes));
					this.waiting.pollFirst();
					continue;
				}
				request.remainingBytes -= size;
				if (request.remainingBytes == 0) {
					request.remaining = 1;
				}
			}
			if (!this.set.hasSubscribers(request.reply)) {
				this.waiting.pollFirst();
				continue;
			}
			request.delivered++;
			if (--request.remaining <= 0) {
				this.waiting.pollFirst();
			}
			else if (request.heartbeat > 0) {
				request.heartbeatAt = now + request.heartbeat;
			}
			return request;
		}
		return null;
	}

	private void undo(Candidate candidate) {
		if (candidate.redelivery != null) {
			this.tracker.undoRedelivery(candidate.redelivery);
		}
	}

	private void commit(Candidate candidate, long consumerSequence, int deliveryCount) {
		StoredMessage message = candidate.message;
		long now = now();
		if (candidate.redelivery == null) {
			this.numPending--;
			if (candidate.fromSkipList) {
				this.skipList.pollFirst();
				this.nextSequence = Math.max(this.nextSequence, message.sequence() + 1);
				if (this.skipList.isEmpty()) {
					endSkipList();
				}
			}
			else {
				this.nextSequence = message.sequence() + 1;
			}
		}
		this.tracker.delivered(message.sequence(), consumerSequence, now);
		this.store.delivered(consumerSequence, message.sequence(), deliveryCount, now);
		if (!this.tracker.acknowledges()) {
			this.store.acked(consumerSequence, message.sequence());
		}
		this.lastDelivery = now;
		this.lastActivity = now;
		if (this.config.ackPolicy() == AckPolicy.NONE
				&& this.set.stream().config().retention() != RetentionPolicy.LIMITS) {
			this.set.acknowledged(this, message.sequence());
		}
		if (this.tracker.acknowledges()) {
			// the wake-up already covers every earlier delivery: only this one's due time can be new
			scheduleAt(this.tracker.dueAt(message.sequence()));
		}
	}

	// ---- push: interest, flow control, heartbeats ---------------------------------------------------------------

	private void checkInterest() {
		boolean interest = this.set.hasSubscribers(this.config.deliverSubject());
		if (interest != this.active) {
			this.active = interest;
			if (!interest) {
				this.lastActivity = now();
			}
		}
	}

	/** A subscription matching the deliver subject came or went: push_bound follows at once, as in nats-server. */
	void interestChanged() {
		if (this.closed || isPull()) {
			return;
		}
		boolean wasActive = this.active;
		checkInterest();
		if (this.active && !wasActive) {
			pump();
		}
		reschedule();
	}

	private boolean flowControlBlocked() {
		return this.config.flowControl() && this.flowPendingBytes > this.flowWindow;
	}

	private void sendFlowControl() {
		String subject = "$JS.FC." + this.streamName + "." + this.name + "." + randomToken();
		this.flowControlSize = this.flowPendingBytes;
		this.flowControlSubject = subject;
		this.set.client().publish(this.config.deliverSubject(), subject, StatusFrames.flowControl(), EMPTY);
	}

	void flowControlReply(String subject) {
		if (this.closed || !subject.equals(this.flowControlSubject)) {
			return;
		}
		this.flowWindow = Math.min(this.flowWindow * 2, FLOW_CONTROL_LIMIT);
		this.flowPendingBytes = Math.max(0, this.flowPendingBytes - this.flowControlSize);
		this.flowControlSubject = null;
		this.flowControlSize = 0;
		pump();
	}

	private static String randomToken() {
		String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		StringBuilder token = new StringBuilder(4);
		ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 4; i++) {
			token.append(digits.charAt(random.nextInt(digits.length())));
		}
		return token.toString();
	}

	private byte[] heartbeat() {
		return StatusFrames.idleHeartbeat(this.tracker.delivered().consumerSequence(), this.nextSequence - 1,
				this.flowControlSubject);
	}

	private void status(String subject, byte[] headers) {
		this.set.client().publish(subject, null, headers, EMPTY);
	}

	// ---- timers -----------------------------------------------------------------------------------------------

	/** The consumer's one wake-up: ack wait, request expiry and heartbeats, push heartbeats, interest, inactivity. */
	private void onTimer() {
		this.wakeAt = Long.MAX_VALUE;
		this.wake = null;
		if (this.closed) {
			return;
		}
		long now = now();
		if (this.tracker.expire(now)) {
			pump();
		}
		if (isPull()) {
			expireWaiting(now, false);
		}
		else {
			boolean wasActive = this.active;
			checkInterest();
			if (this.active && !wasActive) {
				pump();
			}
			long heartbeat = this.config.idleHeartbeat();
			if (this.active && heartbeat > 0 && now - Math.max(this.lastDelivery, this.lastHeartbeat) >= heartbeat) {
				status(this.config.deliverSubject(), heartbeat());
				this.lastHeartbeat = now;
			}
		}
		if (inactiveTooLong(now)) {
			this.set.removeInactive(this);
			return;
		}
		reschedule();
	}

	private boolean inactiveTooLong(long now) {
		long threshold = this.config.inactiveThreshold();
		if (threshold <= 0) {
			return false;
		}
		boolean idle = isPull() ? this.waiting.isEmpty() : !this.active;
		return idle && now - this.lastActivity >= threshold;
	}

	/** Schedules the wake-up for the earliest thing due. */
	private void reschedule() {
		if (this.closed) {
			return;
		}
		long now = now();
		long next = this.tracker.nextDue();
		if (isPull()) {
			for (PullWaiter request : this.waiting) {
				next = Math.min(next, request.nextDeadline());
			}
		}
		else {
			if (this.active && this.config.idleHeartbeat() > 0) {
				next = Math.min(next, Math.max(this.lastDelivery, this.lastHeartbeat) + this.config.idleHeartbeat());
			}
		}
		if (this.config.inactiveThreshold() > 0) {
			boolean idle = isPull() ? this.waiting.isEmpty() : !this.active;
			if (idle) {
				next = Math.min(next, this.lastActivity + this.config.inactiveThreshold());
			}
		}
		scheduleAt(next);
	}

	private void scheduleAt(long at) {
		if (at == Long.MAX_VALUE || this.closed) {
			return;
		}
		if (this.wake != null && this.wakeAt <= at) {
			return;
		}
		if (this.wake != null) {
			this.wake.cancel(false);
		}
		long delay = Math.max(0, at - now());
		this.wakeAt = at;
		this.wake = this.set.scheduler().schedule(() -> this.set.stream().executor().execute(this::onTimer), delay,
				TimeUnit.NANOSECONDS);
	}

	// ---- lifecycle and info -----------------------------------------------------------------------------------

	/**
	 * Stops the consumer: timers off, waiting requests dropped.
	 * @param deleted whether the consumer is deleted, which tells its waiting pull requests
	 * @param removeState whether to remove its state from the stream's store
	 */
	void stop(boolean deleted, boolean removeState) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.wake != null) {
			this.wake.cancel(false);
			this.wake = null;
		}
		if (deleted) {
			for (PullWaiter request : this.waiting) {
				status(request.reply, StatusFrames.status(409, "Consumer Deleted"));
			}
		}
		this.waiting.clear();
		try {
			this.store.close();
			if (removeState && this.ownStore) {
				this.set.stream().store().deleteConsumer(this.name);
			}
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING, "Could not close the state of consumer '" + this.name + "': " + ex);
		}
	}

	/**
	 * Writes the consumer info fields (nats-server's {@code ConsumerInfo}) into an open object.
	 */
	void writeInfo(JsonWriter json) {
		if (isPull()) {
			expireWaiting(now(), false);
		}
		json.field("stream_name", this.streamName)
			.field("name", this.name)
			.field("created", GoTimestamps.format(this.created))
			.name("config")
			.rawValue(ConsumerConfigJson.toJson(this.config));
		json.name("delivered").beginObject()
			.field("consumer_seq", this.tracker.delivered().consumerSequence())
			.field("stream_seq", this.nextSequence - 1);
		if (this.lastDelivery != 0) {
			json.field("last_active", GoTimestamps.formatNanos(this.lastDelivery));
		}
		json.endObject();
		json.name("ack_floor").beginObject()
			.field("consumer_seq", this.tracker.ackFloor().consumerSequence())
			.field("stream_seq", this.tracker.ackFloor().streamSequence());
		if (this.lastAck != 0) {
			json.field("last_active", GoTimestamps.formatNanos(this.lastAck));
		}
		json.endObject();
		json.field("num_ack_pending", this.tracker.pendingCount())
			.field("num_redelivered", this.tracker.redeliveredCount())
			.field("num_waiting", isPull() ? this.waiting.size() : 0)
			.field("num_pending", Math.max(0, this.numPending));
		if (!isPull() && this.active) {
			json.field("push_bound", true);
		}
	}

	private String filter() {
		return this.config.isFiltered() ? this.config.filterSubject() : null;
	}

	static long now() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	@Override
	public String toString() {
		return "StreamConsumer[" + this.streamName + " > " + this.name + "]";
	}

	private record Candidate(StoredMessage message, Redelivery redelivery, boolean fromSkipList) {
	}
}
