package io.github.natsspring.broker.jetstream.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every {@link MessageStore} shares, run once per kind of store.
 */
abstract class MessageStoreContractTests {

	private static final byte[] HEADERS = bytes("NATS/1.0\r\nX-A: 1\r\n\r\n");

	private final List<MessageStore> opened = new ArrayList<>();

	/** Opens a new, empty store of the kind under test. */
	abstract MessageStore create(StoreLimits limits);

	/** The bytes the kind counts for one message, as nats-server counts them. */
	abstract long sizeOf(String subject, byte[] headers, byte[] payload);

	final MessageStore open(StoreLimits limits) {
		MessageStore store = create(limits);
		this.opened.add(store);
		return store;
	}

	@AfterEach
	void closeStores() {
		this.opened.forEach(MessageStore::close);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static long now() {
		return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
	}

	static long store(MessageStore store, String subject, String payload) {
		try {
			return store.store(subject, null, bytes(payload), now());
		}
		catch (MessageRejectedException ex) {
			throw new AssertionError(ex);
		}
	}

	static String payloadOf(StoredMessage message) {
		return (message == null) ? null : new String(message.payload(), StandardCharsets.UTF_8);
	}

	@Test
	void anEmptyStoreHasNoSequences() {
		MessageStore store = open(StoreLimits.none());
		assertThat(store.state()).isEqualTo(new StreamState(0, 0, 0, 0, 0, 0, 0, 0));
		assertThat(store.load(1)).isNull();
		assertThat(store.loadLast(null)).isNull();
		assertThat(store.loadNext(">", 1)).isNull();
	}

	@Test
	void sequencesStartAtOneAndTheStateCountsMessagesBytesAndSubjects() throws Exception {
		MessageStore store = open(StoreLimits.none());
		long first = now();
		assertThat(store.store("s.a", HEADERS, bytes("hello"), first)).isEqualTo(1);
		assertThat(store.store("s.b", null, bytes("x"), first + 1)).isEqualTo(2);
		assertThat(store.store("s.a", null, new byte[0], first + 2)).isEqualTo(3);
		long bytes = sizeOf("s.a", HEADERS, bytes("hello")) + sizeOf("s.b", null, bytes("x"))
				+ sizeOf("s.a", null, new byte[0]);
		assertThat(store.state()).isEqualTo(new StreamState(3, bytes, 1, first, 3, first + 2, 0, 2));
	}

	@Test
	void aLoadedMessageHasWhatWasStored() throws Exception {
		MessageStore store = open(StoreLimits.none());
		store.store("s.a", HEADERS, bytes("hello"), 42);
		store.store("s.b", new byte[0], bytes("plain"), 43);
		StoredMessage withHeaders = store.load(1);
		assertThat(withHeaders.sequence()).isEqualTo(1);
		assertThat(withHeaders.timestamp()).isEqualTo(42);
		assertThat(withHeaders.subject()).isEqualTo("s.a");
		assertThat(withHeaders.headers()).isEqualTo(HEADERS);
		assertThat(withHeaders.payload()).isEqualTo(bytes("hello"));
		assertThat(store.load(2).headers()).isNull();
		assertThat(store.load(3)).isNull();
	}

	@Test
	void loadLastFindsTheNewestOnASubjectOrFilter() {
		MessageStore store = open(StoreLimits.none());
		store(store, "orders.us", "1");
		store(store, "orders.eu", "2");
		store(store, "orders.us", "3");
		store(store, "other", "4");
		assertThat(payloadOf(store.loadLast("orders.us"))).isEqualTo("3");
		assertThat(payloadOf(store.loadLast("orders.eu"))).isEqualTo("2");
		assertThat(payloadOf(store.loadLast("orders.*"))).isEqualTo("3");
		assertThat(payloadOf(store.loadLast(">"))).isEqualTo("4");
		assertThat(store.loadLast("orders.asia")).isNull();
		store.remove(4, false);
		assertThat(payloadOf(store.loadLast(null))).isEqualTo("3");
	}

	@Test
	void loadNextFindsTheFirstMatchAtOrAfterASequence() {
		MessageStore store = open(StoreLimits.none());
		store(store, "a.1", "1");
		store(store, "b.1", "2");
		store(store, "a.2", "3");
		store(store, "b.1", "4");
		assertThat(store.loadNext("b.1", 1).sequence()).isEqualTo(2);
		assertThat(store.loadNext("b.1", 3).sequence()).isEqualTo(4);
		assertThat(store.loadNext("a.*", 2).sequence()).isEqualTo(3);
		assertThat(store.loadNext(">", 0).sequence()).isEqualTo(1);
		assertThat(store.loadNext("a.>", 4)).isNull();
		assertThat(store.loadNext("c", 1)).isNull();
		store.remove(2, false);
		assertThat(store.loadNext(null, 2).sequence()).isEqualTo(3);
	}

	@Test
	void removingAMessageLeavesAGapCountedAsDeleted() {
		MessageStore store = open(StoreLimits.none());
		for (int i = 1; i <= 5; i++) {
			store(store, "s", "m" + i);
		}
		assertThat(store.remove(3, false)).isTrue();
		assertThat(store.remove(3, false)).isFalse();
		assertThat(store.remove(9, false)).isFalse();
		assertThat(store.load(3)).isNull();
		StreamState state = store.state();
		assertThat(state.messages()).isEqualTo(4);
		assertThat(state.numDeleted()).isEqualTo(1);
		assertThat(store.remove(1, true)).isTrue();
		assertThat(store.load(1)).isNull();
		assertThat(store.state().firstSequence()).isEqualTo(2);
		assertThat(store.subjectCounts("s")).containsExactly(Map.entry("s", 3L));
	}

	@Test
	void removingEveryMessageMovesTheFirstSequencePastTheLast() {
		MessageStore store = open(StoreLimits.none());
		store(store, "s", "1");
		store(store, "s", "2");
		store.remove(2, false);
		store.remove(1, false);
		StreamState state = store.state();
		assertThat(state.firstSequence()).isEqualTo(3);
		assertThat(state.lastSequence()).isEqualTo(2);
		assertThat(state.numDeleted()).isZero();
		assertThat(store(store, "s", "3")).isEqualTo(3);
	}

	@Test
	void aFullPurgeRemovesEverythingAndSequencesContinue() {
		MessageStore store = open(StoreLimits.none());
		for (int i = 1; i <= 10; i++) {
			store(store, "s." + (i % 3), "m" + i);
		}
		assertThat(store.purge(PurgeRequest.all())).isEqualTo(10);
		StreamState state = store.state();
		assertThat(state.messages()).isZero();
		assertThat(state.bytes()).isZero();
		assertThat(state.firstSequence()).isEqualTo(11);
		assertThat(state.lastSequence()).isEqualTo(10);
		assertThat(state.numSubjects()).isZero();
		assertThat(store(store, "s.1", "next")).isEqualTo(11);
		assertThat(store.state().firstSequence()).isEqualTo(11);
	}

	@Test
	void aPurgeOfASubjectRemovesOnlyItsMessages() {
		MessageStore store = open(StoreLimits.none());
		store(store, "s.a", "1");
		store(store, "s.b", "2");
		store(store, "s.a", "3");
		store(store, "s.c", "4");
		assertThat(store.purge(PurgeRequest.subject("s.a"))).isEqualTo(2);
		assertThat(store.subjectCounts(null)).containsOnly(Map.entry("s.b", 1L), Map.entry("s.c", 1L));
		assertThat(store.state().firstSequence()).isEqualTo(2);
		assertThat(store.purge(PurgeRequest.subject("s.*"))).isEqualTo(2);
		assertThat(store.state().messages()).isZero();
		assertThat(store.state().firstSequence()).isEqualTo(5);
	}

	@Test
	void aPurgeBelowASequenceRemovesTheOlderMessages() {
		MessageStore store = open(StoreLimits.none());
		for (int i = 1; i <= 6; i++) {
			store(store, (i % 2 == 0) ? "even" : "odd", "m" + i);
		}
		assertThat(store.purge(PurgeRequest.below(3))).isEqualTo(2);
		assertThat(store.state().firstSequence()).isEqualTo(3);
		assertThat(store.purge(PurgeRequest.below(6).onSubject("even"))).isEqualTo(1);
		assertThat(store.load(4)).isNull();
		assertThat(store.load(6)).isNotNull();
		assertThat(store.state().messages()).isEqualTo(3);
	}

	@Test
	void aPurgeBelowASequencePastTheEndMovesTheNextSequenceThere() {
		MessageStore store = open(StoreLimits.none());
		store(store, "s", "1");
		assertThat(store.purge(PurgeRequest.below(100))).isEqualTo(1);
		StreamState state = store.state();
		assertThat(state.firstSequence()).isEqualTo(100);
		assertThat(state.lastSequence()).isEqualTo(99);
		assertThat(store(store, "s", "2")).isEqualTo(100);
	}

	@Test
	void aPurgeKeepingSomeRemovesAllButTheNewest() {
		MessageStore store = open(StoreLimits.none());
		for (int i = 1; i <= 6; i++) {
			store(store, (i <= 4) ? "s.b" : "s.a", "m" + i);
		}
		assertThat(store.purge(PurgeRequest.keep(1).onSubject("s.b"))).isEqualTo(3);
		assertThat(store.subjectCounts("s.b")).containsExactly(Map.entry("s.b", 1L));
		assertThat(payloadOf(store.loadLast("s.b"))).isEqualTo("m4");
		assertThat(store.purge(PurgeRequest.keep(2))).isEqualTo(1);
		assertThat(store.state().firstSequence()).isEqualTo(5);
		assertThat(store.purge(PurgeRequest.keep(5))).isZero();
	}

	@Test
	void aPurgeWithBothASequenceAndAKeepCountIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PurgeRequest(null, 5, 1));
	}

	@Test
	void theMessageLimitDiscardsTheOldest() {
		MessageStore store = open(StoreLimits.builder().maxMessages(10).build());
		for (int i = 1; i <= 25; i++) {
			store(store, "s", "m" + i);
		}
		StreamState state = store.state();
		assertThat(state.messages()).isEqualTo(10);
		assertThat(state.firstSequence()).isEqualTo(16);
		assertThat(state.lastSequence()).isEqualTo(25);
	}

	@Test
	void theByteLimitDiscardsTheOldest() {
		long size = sizeOf("s", null, bytes("0123456789"));
		MessageStore store = open(StoreLimits.builder().maxBytes(size * 3).build());
		for (int i = 0; i < 5; i++) {
			store(store, "s", "0123456789");
		}
		assertThat(store.state().messages()).isEqualTo(3);
		assertThat(store.state().bytes()).isEqualTo(size * 3);
		assertThat(store.state().firstSequence()).isEqualTo(3);
	}

	@Test
	void discardNewRefusesPastTheMessageLimit() throws Exception {
		MessageStore store = open(StoreLimits.builder().maxMessages(2).discard(DiscardPolicy.NEW).build());
		store(store, "s", "1");
		store(store, "s", "2");
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> store.store("s", null, bytes("3"), now()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(MessageRejectedException.Reason.MAXIMUM_MESSAGES))
			.withMessage("maximum messages exceeded");
		assertThat(store.state().lastSequence()).isEqualTo(2);
		store.remove(1, false);
		assertThat(store.store("s", null, bytes("3"), now())).isEqualTo(3);
	}

	@Test
	void discardNewRefusesPastTheByteLimit() {
		MessageStore store = open(StoreLimits.builder().maxBytes(200).discard(DiscardPolicy.NEW).build());
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> store.store("s", null, new byte[200], now()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(MessageRejectedException.Reason.MAXIMUM_BYTES))
			.withMessage("maximum bytes exceeded");
		assertThat(store.state().lastSequence()).isZero();
	}

	@Test
	void aMessageOverTheSizeLimitIsRefused() throws Exception {
		MessageStore store = open(StoreLimits.builder().maxMessageSize(8).build());
		assertThat(store.store("s", bytes("1234"), bytes("5678"), now())).isEqualTo(1);
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> store.store("s", null, bytes("123456789"), now()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(MessageRejectedException.Reason.MESSAGE_TOO_LARGE))
			.withMessage("message size exceeds maximum allowed");
	}

	@Test
	void thePerSubjectLimitKeepsTheNewestOfEachSubject() {
		MessageStore store = open(StoreLimits.builder().maxMessagesPerSubject(2).build());
		for (int i = 1; i <= 5; i++) {
			store(store, "k.a", "a" + i);
			store(store, "k.b", "b" + i);
		}
		assertThat(store.subjectCounts(">")).containsOnly(Map.entry("k.a", 2L), Map.entry("k.b", 2L));
		assertThat(store.loadNext("k.a", 0).sequence()).isEqualTo(7);
		assertThat(store.state().firstSequence()).isEqualTo(7);
		assertThat(store.state().numDeleted()).isZero();
	}

	@Test
	void discardNewStillLetsThePerSubjectLimitDropTheOldestRevision() {
		MessageStore store = open(StoreLimits.builder()
			.maxMessagesPerSubject(2)
			.maxMessages(2)
			.discard(DiscardPolicy.NEW)
			.build());
		store(store, "k.a", "1");
		store(store, "k.a", "2");
		assertThat(store(store, "k.a", "3")).isEqualTo(3);
		assertThat(store.state().messages()).isEqualTo(2);
		assertThat(store.state().firstSequence()).isEqualTo(2);
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> store.store("k.b", null, bytes("1"), now()));
	}

	@Test
	void discardNewPerSubjectRefusesAFullSubject() {
		MessageStore store = open(StoreLimits.builder()
			.maxMessagesPerSubject(1)
			.discard(DiscardPolicy.NEW)
			.discardNewPerSubject(true)
			.build());
		store(store, "k.a", "1");
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> store.store("k.a", null, bytes("2"), now()))
			.satisfies((ex) -> assertThat(ex.reason())
				.isEqualTo(MessageRejectedException.Reason.MAXIMUM_MESSAGES_PER_SUBJECT));
		assertThat(store(store, "k.b", "1")).isEqualTo(2);
	}

	@Test
	void messagesExpireAfterTheMaximumAge() {
		MessageStore store = open(StoreLimits.builder().maxAge(Duration.ofMillis(300)).build());
		List<Long> removed = new CopyOnWriteArrayList<>();
		store.setListener((sequence, subject) -> removed.add(sequence));
		store(store, "s", "1");
		store(store, "s", "2");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(store.state().messages()).isZero());
		assertThat(removed).containsExactly(1L, 2L);
		assertThat(store.state().firstSequence()).isEqualTo(3);
	}

	@Test
	void messagesAlreadyOlderThanTheMaximumAgeExpireAtOnce() throws Exception {
		MessageStore store = open(StoreLimits.builder().maxAge(Duration.ofMinutes(1)).build());
		store.store("s", null, bytes("old"), now() - Duration.ofMinutes(2).toNanos());
		store.store("s", null, bytes("new"), now());
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(store.state().messages()).isEqualTo(1));
		assertThat(store.state().firstSequence()).isEqualTo(2);
	}

	@Test
	void theListenerHearsEveryRemovalInOrder() {
		MessageStore store = open(StoreLimits.builder().maxMessages(3).build());
		List<String> removed = new ArrayList<>();
		store.setListener((sequence, subject) -> removed.add(sequence + ":" + subject));
		for (int i = 1; i <= 4; i++) {
			store(store, "s." + i, "m");
		}
		store.remove(3, false);
		store.purge(PurgeRequest.all());
		assertThat(removed).containsExactly("1:s.1", "3:s.3", "2:s.2", "4:s.4");
	}

	@Test
	void countsMatchAFilterFromASequence() {
		MessageStore store = open(StoreLimits.none());
		for (int i = 1; i <= 6; i++) {
			store(store, (i % 2 == 0) ? "a.even" : "a.odd", "m" + i);
		}
		assertThat(store.count(null, 0)).isEqualTo(6);
		assertThat(store.count(">", 4)).isEqualTo(3);
		assertThat(store.count("a.even", 3)).isEqualTo(2);
		assertThat(store.count("a.*", 6)).isEqualTo(1);
		assertThat(store.count("b", 0)).isZero();
		assertThat(store.subjectCounts("a.odd")).containsExactly(Map.entry("a.odd", 3L));
	}

	@Test
	void theFirstSequenceSinceATimeSkipsOlderMessages() throws Exception {
		MessageStore store = open(StoreLimits.none());
		store.store("s", null, bytes("1"), 100);
		store.store("s", null, bytes("2"), 200);
		store.store("s", null, bytes("3"), 300);
		assertThat(store.firstSequenceSince(150)).isEqualTo(2);
		assertThat(store.firstSequenceSince(0)).isEqualTo(1);
		assertThat(store.firstSequenceSince(301)).isEqualTo(4);
	}

	@Test
	void newLimitsApplyAtOnce() {
		MessageStore store = open(StoreLimits.none());
		for (int i = 1; i <= 5; i++) {
			store(store, "s", "m" + i);
		}
		store.updateLimits(StoreLimits.builder().maxMessages(2).build());
		assertThat(store.state().messages()).isEqualTo(2);
		assertThat(store.state().firstSequence()).isEqualTo(4);
		assertThat(store.limits().maxMessages()).isEqualTo(2);
	}

	@Test
	void metadataIsKeptAndReplaced() {
		MessageStore store = open(StoreLimits.none());
		assertThat(store.metadata()).isNull();
		store.writeMetadata(bytes("{\"name\":\"S\"}"));
		store.writeMetadata(bytes("{\"name\":\"S\",\"max_msgs\":5}"));
		assertThat(store.metadata()).isEqualTo(bytes("{\"name\":\"S\",\"max_msgs\":5}"));
	}

	@Test
	void anExplicitAckConsumerMovesItsFloorOverContiguousAcks() {
		ConsumerStore consumer = open(StoreLimits.none()).consumer("d1", AckPolicy.EXPLICIT);
		consumer.delivered(1, 1, 1, 10);
		consumer.delivered(2, 2, 1, 20);
		consumer.delivered(3, 4, 1, 30);
		assertThat(consumer.acked(2, 2)).isTrue();
		assertThat(consumer.state().ackFloor()).isEqualTo(SequencePair.NONE);
		assertThat(consumer.acked(1, 1)).isTrue();
		assertThat(consumer.state().ackFloor()).isEqualTo(new SequencePair(2, 3));
		assertThat(consumer.state().pending()).containsOnlyKeys(4L);
		assertThat(consumer.acked(1, 1)).isFalse();
		assertThat(consumer.acked(3, 4)).isTrue();
		ConsumerState state = consumer.state();
		assertThat(state.ackFloor()).isEqualTo(new SequencePair(3, 4));
		assertThat(state.delivered()).isEqualTo(new SequencePair(3, 4));
		assertThat(state.pending()).isEmpty();
	}

	@Test
	void aRedeliveryUpdatesThePendingEntryAndCountsDeliveries() {
		ConsumerStore consumer = open(StoreLimits.none()).consumer("d1", AckPolicy.EXPLICIT);
		consumer.delivered(1, 5, 1, 10);
		consumer.delivered(2, 5, 2, 20);
		ConsumerState state = consumer.state();
		assertThat(state.pending()).containsExactly(Map.entry(5L, new PendingDelivery(2, 20)));
		assertThat(state.deliveryCounts()).containsExactly(Map.entry(5L, 2));
		assertThat(state.delivered()).isEqualTo(new SequencePair(2, 5));
		consumer.acked(2, 5);
		assertThat(consumer.state().deliveryCounts()).isEmpty();
		assertThat(consumer.state().ackFloor()).isEqualTo(new SequencePair(2, 5));
	}

	@Test
	void anAckAllConsumerAcknowledgesEverythingBelow() {
		ConsumerStore consumer = open(StoreLimits.none()).consumer("d1", AckPolicy.ALL);
		for (int i = 1; i <= 4; i++) {
			consumer.delivered(i, i, 1, i);
		}
		assertThat(consumer.acked(3, 3)).isTrue();
		assertThat(consumer.state().ackFloor()).isEqualTo(new SequencePair(3, 3));
		assertThat(consumer.state().pending()).containsOnlyKeys(4L);
	}

	@Test
	void aConsumerWithoutAcksMovesItsFloorOnDelivery() {
		ConsumerStore consumer = open(StoreLimits.none()).consumer("d1", AckPolicy.NONE);
		consumer.setStartingSequence(2);
		consumer.delivered(1, 3, 1, 10);
		assertThat(consumer.state().ackFloor()).isEqualTo(new SequencePair(1, 3));
		assertThat(consumer.state().pending()).isEmpty();
		assertThat(consumer.acked(1, 3)).isFalse();
	}

	@Test
	void consumersAreListedUntilDeleted() {
		MessageStore store = open(StoreLimits.none());
		ConsumerStore consumer = store.consumer("d1", AckPolicy.EXPLICIT);
		assertThat(store.consumer("d1", AckPolicy.EXPLICIT)).isSameAs(consumer);
		assertThat(consumer.name()).isEqualTo("d1");
		assertThat(consumer.ackPolicy()).isEqualTo(AckPolicy.EXPLICIT);
		store.consumer("d2", AckPolicy.NONE).writeMetadata(bytes("{}"));
		assertThat(store.consumerNames()).containsExactlyInAnyOrder("d1", "d2");
		store.deleteConsumer("d1");
		assertThat(store.consumerNames()).containsExactly("d2");
		assertThatIllegalStateException().isThrownBy(consumer::state);
		assertThatIllegalArgumentException().isThrownBy(() -> store.consumer("../x", AckPolicy.NONE));
	}

	@Test
	void theStoreRunsWorkOnItsOwnThread() throws Exception {
		MessageStore store = open(StoreLimits.none());
		CompletableFuture<String> thread = CompletableFuture.supplyAsync(() -> {
			store(store, "s", "m");
			return Thread.currentThread().getName();
		}, store.executor());
		assertThat(thread.get(5, TimeUnit.SECONDS)).isEqualTo("jetstream-store-S");
		assertThat(store.name()).isEqualTo("S");
		assertThat(store.state().messages()).isEqualTo(1);
	}

	@Test
	void aClosedStoreRefusesWork() {
		MessageStore store = open(StoreLimits.none());
		store.close();
		assertThatIllegalStateException().isThrownBy(store::state).withMessageContaining("closed");
		assertThatIllegalStateException().isThrownBy(() -> store.store("s", null, new byte[0], now()));
	}
}
