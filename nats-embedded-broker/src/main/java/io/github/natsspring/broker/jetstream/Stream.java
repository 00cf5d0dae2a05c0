package io.github.natsspring.broker.jetstream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.natsspring.broker.jetstream.api.ApiError;
import io.github.natsspring.broker.jetstream.api.JsonWriter;
import io.github.natsspring.broker.jetstream.store.MessageRejectedException;
import io.github.natsspring.broker.jetstream.store.MessageStore;
import io.github.natsspring.broker.jetstream.store.PurgeRequest;
import io.github.natsspring.broker.jetstream.store.StoredMessage;
import io.github.natsspring.broker.jetstream.store.StreamState;
import io.github.natsspring.broker.routing.Subscription;

/**
 * One stream: its configuration, its store and its consumers, and the publish path that captures every message
 * published on its subjects, checks the {@code Nats-*} headers, stores it and answers with a PubAck.
 * <p>
 * Threading: a stream's work runs on its store's single thread, {@link #executor()}: captured messages in the
 * order each publisher sent them, API requests on the stream, consumer work. Methods documented as "on the
 * executor" must only be called there; the getters may be called from any thread.
 */
public final class Stream {

	static final String MSG_ID = "Nats-Msg-Id";

	static final String EXPECTED_STREAM = "Nats-Expected-Stream";

	static final String EXPECTED_LAST_SEQUENCE = "Nats-Expected-Last-Sequence";

	static final String EXPECTED_LAST_SUBJECT_SEQUENCE = "Nats-Expected-Last-Subject-Sequence";

	static final String EXPECTED_LAST_MSG_ID = "Nats-Expected-Last-Msg-Id";

	static final String ROLLUP = "Nats-Rollup";

	/** Captured messages stored per executor task before the stream's other work gets a turn. */
	private static final int DRAIN_BATCH = 256;

	private final MessageStore store;

	private final InternalClient client;

	private final Instant created;

	private final DedupeWindow dedupe;

	private final List<Subscription> captures = new ArrayList<>();

	private final Queue<InternalMessage> captured = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	private volatile StreamConfig config;

	private volatile StreamConsumers consumers = StreamConsumers.NONE;

	/** The last {@code Nats-Msg-Id} stored, for {@code Nats-Expected-Last-Msg-Id}; on the executor. */
	private String lastMsgId = "";

	private volatile boolean closed;

	Stream(StreamConfig config, MessageStore store, InternalClient client, Instant created) {
		this.config = config;
		this.store = store;
		this.client = client;
		this.created = created;
		this.dedupe = new DedupeWindow(config.duplicateWindow());
		store.setListener(this::removed);
	}

	/**
	 * The stream's name.
	 * @return the name
	 */
	public String name() {
		return this.config.name();
	}

	/**
	 * The configuration in force.
	 * @return the configuration, defaults filled in
	 */
	public StreamConfig config() {
		return this.config;
	}

	/**
	 * The store holding the messages and the consumers' state.
	 * @return the store
	 */
	public MessageStore store() {
		return this.store;
	}

	/**
	 * The stream's thread: where its messages are stored and its consumers do their work.
	 * @return the store's single-thread executor
	 */
	public Executor executor() {
		return this.store.executor();
	}

	/**
	 * When the stream was created.
	 * @return the creation time, kept across restarts
	 */
	public Instant created() {
		return this.created;
	}

	/**
	 * The stream's consumers.
	 * @return what the consumer package attached, {@link StreamConsumers#NONE} until then
	 */
	public StreamConsumers consumers() {
		return this.consumers;
	}

	/**
	 * Removes a message its consumers are done with: a workqueue message once acknowledged, an interest message
	 * once every interested consumer acknowledged it. The consumers hear of it through
	 * {@link StreamConsumers#messageRemoved}. On the executor.
	 * @param sequence the message's sequence
	 * @return whether the message was held
	 */
	public boolean removeAcknowledged(long sequence) {
		return this.store.remove(sequence, false);
	}

	/**
	 * Purges and tells the consumers where the stream now starts, as nats-server's {@code mset.purge}. On the
	 * executor.
	 * @param request what to remove
	 * @return how many messages were removed
	 */
	public long purge(PurgeRequest request) {
		long purged = this.store.purge(request);
		StreamState state = this.store.state();
		long first = state.firstSequence();
		String filter = request.filter();
		if (filter != null && !filter.isEmpty()) {
			StoredMessage next = this.store.loadNext(filter, first);
			first = (next != null) ? next.sequence() : 0;
		}
		this.consumers.streamPurged(filter, first, state.lastSequence());
		return purged;
	}

	/**
	 * Whether the stream was deleted or the broker stopped.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.closed;
	}

	// ---- lifecycle, called by JetStreamService ------------------------------------------------------------------

	void attach(StreamConsumers attached) {
		this.consumers = attached;
	}

	void startCapturing() {
		for (String subject : this.config.subjects()) {
			this.captures.add(this.client.subscribe(subject, this::captured));
		}
	}

	void stopCapturing() {
		for (Subscription capture : this.captures) {
			this.client.unsubscribe(capture);
		}
		this.captures.clear();
	}

	/** On the executor: a stream update takes effect. */
	void update(StreamConfig updated) {
		boolean subjectsChanged = !updated.subjects().equals(this.config.subjects());
		this.config = updated;
		this.dedupe.setWindow(updated.duplicateWindow());
		this.store.updateLimits(updated.storeLimits());
		if (subjectsChanged) {
			stopCapturing();
			startCapturing();
		}
		this.consumers.streamUpdated(updated);
	}

	/** On the executor: the broker stops; what was written is forced to the device first, as nats-server does. */
	void close() {
		this.closed = true;
		stopCapturing();
		this.consumers.close();
		this.store.sync();
		this.store.close();
	}

	/** On the executor: the stream is deleted. */
	void delete() {
		this.closed = true;
		stopCapturing();
		this.consumers.delete();
		this.store.delete();
	}

	/** On the executor: the message ids of the window are read back from the store, as after a restart. */
	void rebuildDedupe() {
		long now = System.currentTimeMillis() * 1_000_000L;
		long window = this.config.duplicateWindow().toNanos();
		long last = this.store.state().lastSequence();
		for (long sequence = this.store.firstSequenceSince(now - window); sequence <= last; sequence++) {
			StoredMessage message = this.store.load(sequence);
			if (message != null) {
				String msgId = HeaderBlock.value(message.headers(), MSG_ID);
				if (msgId != null && !msgId.isEmpty()) {
					this.dedupe.add(msgId, sequence, message.timestamp());
					this.lastMsgId = msgId;
				}
			}
		}
	}

	// ---- the publish path -------------------------------------------------------------------------------------

	// one drain task at a time takes every captured message queued meanwhile: publish order is kept, and a burst
	// costs one executor hand-off instead of one per message
	private void captured(InternalMessage message) {
		if (this.closed) {
			return;
		}
		this.captured.add(message);
		if (this.draining.compareAndSet(false, true)) {
			executor().execute(this::drainCaptured);
		}
	}

	private void drainCaptured() {
		for (int taken = 0; taken < DRAIN_BATCH; taken++) {
			InternalMessage message = this.captured.poll();
			if (message == null) {
				this.draining.set(false);
				// a message queued after the poll and before the flag was cleared found the flag still set
				if (this.captured.isEmpty() || !this.draining.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			ingest(message);
		}
		// let the stream's other work (API requests, consumers) run between batches
		executor().execute(this::drainCaptured);
	}

	/** On the executor: nats-server's processJetStreamMsg for a single node. */
	void ingest(InternalMessage message) {
		if (this.closed) {
			return;
		}
		StreamConfig current = this.config;
		String reply = current.noAck() ? null : message.replyTo();
		byte[] headers = message.headers();
		String msgId = null;
		boolean rollupSubject = false;
		boolean rollupAll = false;
		if (current.sealed()) {
			rejected(reply, ApiError.STREAM_SEALED);
			return;
		}
		if (headers != null) {
			String expectedStream = HeaderBlock.value(headers, EXPECTED_STREAM);
			if (expectedStream != null && !expectedStream.isEmpty() && !expectedStream.equals(current.name())) {
				rejected(reply, ApiError.STREAM_NOT_MATCH);
				return;
			}
			msgId = HeaderBlock.value(headers, MSG_ID);
			if (msgId != null && !msgId.isEmpty()) {
				long original = this.dedupe.find(msgId, epochNanos());
				if (original >= 0) {
					if (reply != null) {
						acknowledge(reply, original, true);
					}
					return;
				}
			}
			else {
				msgId = null;
			}
			String lastSubjectSequence = HeaderBlock.value(headers, EXPECTED_LAST_SUBJECT_SEQUENCE);
			if (lastSubjectSequence != null) {
				long expected = parseSequence(lastSubjectSequence);
				StoredMessage last = this.store.loadLast(message.subject());
				long actual = (last != null) ? last.sequence() : 0;
				if (expected != actual) {
					rejected(reply, ApiError.STREAM_WRONG_LAST_SEQUENCE.with("seq", actual));
					return;
				}
			}
			String lastSequence = HeaderBlock.value(headers, EXPECTED_LAST_SEQUENCE);
			if (lastSequence != null) {
				long actual = this.store.state().lastSequence();
				if (parseSequence(lastSequence) != actual) {
					rejected(reply, ApiError.STREAM_WRONG_LAST_SEQUENCE.with("seq", actual));
					return;
				}
			}
			String lastMsgIdExpected = HeaderBlock.value(headers, EXPECTED_LAST_MSG_ID);
			if (lastMsgIdExpected != null && !lastMsgIdExpected.isEmpty()
					&& !lastMsgIdExpected.equals(this.lastMsgId)) {
				rejected(reply, ApiError.STREAM_WRONG_LAST_MSG_ID.with("id", this.lastMsgId));
				return;
			}
			String rollup = HeaderBlock.value(headers, ROLLUP);
			if (rollup != null && !rollup.isEmpty()) {
				if (!current.allowRollup() || current.denyPurge()) {
					rejected(reply, ApiError.STREAM_ROLLUP_FAILED.withDescription("rollup not permitted"));
					return;
				}
				switch (rollup) {
					case "sub" -> rollupSubject = true;
					case "all" -> rollupAll = true;
					default -> {
						return;
					}
				}
			}
		}
		int size = ((headers != null) ? headers.length : 0) + message.payload().length;
		if (current.maxMessageSize() >= 0 && size > current.maxMessageSize()) {
			rejected(reply, ApiError.STREAM_MESSAGE_EXCEEDS_MAXIMUM);
			return;
		}
		if (headers != null && headers.length > 0xffff) {
			rejected(reply, ApiError.STREAM_HEADER_EXCEEDS_MAXIMUM);
			return;
		}
		long timestamp = epochNanos();
		long sequence;
		try {
			sequence = this.store.store(message.subject(), headers, message.payload(), timestamp);
		}
		catch (MessageRejectedException ex) {
			rejected(reply, ApiError.STREAM_STORE_FAILED.with("err", ex.reason().description()));
			return;
		}
		if (msgId != null) {
			this.dedupe.add(msgId, sequence, timestamp);
		}
		this.lastMsgId = (msgId != null) ? msgId : "";
		if (rollupSubject) {
			purge(PurgeRequest.keep(1).onSubject(message.subject()));
		}
		else if (rollupAll) {
			purge(PurgeRequest.keep(1));
		}
		if (reply != null) {
			acknowledge(reply, sequence, false);
		}
		if (current.retention() == RetentionPolicy.INTEREST && !this.consumers.hasInterest(message.subject())) {
			this.store.remove(sequence, false);
			return;
		}
		this.consumers.messageStored(new StoredMessage(sequence, timestamp, message.subject(), headers,
				message.payload()));
	}

	private static long parseSequence(String value) {
		try {
			return Long.parseUnsignedLong(value);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static long epochNanos() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	private void acknowledge(String reply, long sequence, boolean duplicate) {
		String ack = "{\"stream\":" + quoted(name()) + ", \"seq\":" + sequence + (duplicate ? ",\"duplicate\": true}" : "}");
		this.client.publish(reply, null, null, ack.getBytes(StandardCharsets.UTF_8));
	}

	private void rejected(String reply, ApiError error) {
		if (reply == null) {
			return;
		}
		JsonWriter json = JsonWriter.create().beginObject();
		error.writeTo(json);
		json.field("stream", name()).field("seq", 0).endObject();
		this.client.publish(reply, null, null, json.toBytes());
	}

	private static String quoted(String text) {
		return JsonWriter.create().value(text).toString();
	}

	private void removed(long sequence, String subject) {
		this.consumers.messageRemoved(sequence, subject);
	}

	@Override
	public String toString() {
		return "Stream[" + name() + "]";
	}
}
