package io.github.natsspring.broker.jetstream.consumer;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.natsspring.broker.jetstream.consumer.DeliveryTracker.Redelivery;
import io.github.natsspring.broker.jetstream.store.AckPolicy;
import io.github.natsspring.broker.jetstream.store.SequencePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeliveryTracker}.
 */
class DeliveryTrackerTests {

	private static final long ACK_WAIT = 1_000;

	@Test
	void ackFloorMovesOnlyWhenTheLowestPendingIsAcked() {
		DeliveryTracker tracker = explicit(-1);
		deliver(tracker, 1, 2, 3);
		assertThat(tracker.ack(2, 2)).containsExactly(2L);
		assertThat(tracker.ackFloor()).isEqualTo(SequencePair.NONE);
		tracker.ack(1, 1);
		assertThat(tracker.ackFloor()).isEqualTo(new SequencePair(2, 2));
		tracker.ack(3, 3);
		assertThat(tracker.ackFloor()).isEqualTo(new SequencePair(3, 3));
		assertThat(tracker.pendingCount()).isZero();
	}

	@Test
	void secondAckOfTheSameMessageChangesNothing() {
		DeliveryTracker tracker = explicit(-1);
		deliver(tracker, 1);
		assertThat(tracker.ack(1, 1)).containsExactly(1L);
		assertThat(tracker.ack(1, 1)).isEmpty();
	}

	@Test
	void ackAllAcknowledgesEverythingUpToTheMessage() {
		DeliveryTracker tracker = new DeliveryTracker(AckPolicy.ALL, -1, ACK_WAIT, List.of());
		deliver(tracker, 1, 2, 3);
		assertThat(tracker.ack(2, 2)).containsExactly(1L, 2L);
		assertThat(tracker.ackFloor()).isEqualTo(new SequencePair(2, 2));
		assertThat(tracker.ack(1, 1)).isEmpty();
		assertThat(tracker.pendingCount()).isEqualTo(1);
	}

	@Test
	void ackNoneMovesTheFloorWithEachDelivery() {
		DeliveryTracker tracker = new DeliveryTracker(AckPolicy.NONE, -1, 0, List.of());
		deliver(tracker, 1, 2);
		assertThat(tracker.ackFloor()).isEqualTo(new SequencePair(2, 2));
		assertThat(tracker.pendingCount()).isZero();
	}

	@Test
	void deliveryIsDueAgainAfterTheAckWait() {
		DeliveryTracker tracker = explicit(-1);
		deliver(tracker, 1);
		assertThat(tracker.nextDue()).isEqualTo(ACK_WAIT);
		assertThat(tracker.expire(ACK_WAIT - 1)).isFalse();
		assertThat(tracker.expire(ACK_WAIT)).isTrue();
		Redelivery redelivery = tracker.nextRedelivery(new ArrayList<>());
		assertThat(redelivery).isEqualTo(new Redelivery(1, 2));
		assertThat(tracker.redeliveredCount()).isEqualTo(1);
	}

	@Test
	void progressRestartsTheAckWait() {
		DeliveryTracker tracker = explicit(-1);
		deliver(tracker, 1);
		assertThat(tracker.progress(1, 600)).isTrue();
		assertThat(tracker.expire(ACK_WAIT)).isFalse();
		assertThat(tracker.nextDue()).isEqualTo(600 + ACK_WAIT);
	}

	@Test
	void nakRedeliversAtOnceAndNakWithDelayAfterTheDelay() {
		DeliveryTracker tracker = explicit(-1);
		deliver(tracker, 1, 2);
		tracker.nak(1, -1, 10);
		assertThat(tracker.nextRedelivery(new ArrayList<>())).isEqualTo(new Redelivery(1, 2));
		tracker.nak(2, 300, 10);
		assertThat(tracker.hasRedeliveries()).isFalse();
		assertThat(tracker.expire(309)).isFalse();
		assertThat(tracker.expire(310)).isTrue();
		assertThat(tracker.nextRedelivery(new ArrayList<>())).isEqualTo(new Redelivery(2, 2));
	}

	@Test
	void maxDeliverCountsRedeliveriesAfterNaks() {
		DeliveryTracker tracker = explicit(3);
		deliver(tracker, 1);
		List<Long> dropped = new ArrayList<>();
		long consumerSequence = 1;
		for (int delivery = 2; delivery <= 3; delivery++) {
			tracker.nak(1, -1, 0);
			Redelivery redelivery = tracker.nextRedelivery(dropped);
			assertThat(redelivery.deliveryCount()).isEqualTo(delivery);
			tracker.delivered(1, ++consumerSequence, 0);
		}
		tracker.nak(1, -1, 0);
		assertThat(tracker.nextRedelivery(dropped)).isNull();
		assertThat(dropped).containsExactly(1L);
		assertThat(tracker.pendingCount()).isZero();
		// nats-server keeps the ack floor and still counts the message as redelivered
		assertThat(tracker.ackFloor()).isEqualTo(SequencePair.NONE);
		assertThat(tracker.redeliveredCount()).isEqualTo(1);
	}

	@Test
	void newConsumerKeepsItsAckFloorAtZeroUntilAnAck() {
		DeliveryTracker tracker = explicit(0);
		tracker.start(4);
		assertThat(tracker.delivered()).isEqualTo(new SequencePair(0, 4));
		assertThat(tracker.ackFloor()).isEqualTo(SequencePair.NONE);
		tracker.delivered(5, 1, 0);
		tracker.ack(5, 1);
		assertThat(tracker.ackFloor()).isEqualTo(new SequencePair(1, 5));
	}

	@Test
	void purgeMovesTheAckFloorUpAndForgetsPending() {
		DeliveryTracker tracker = explicit(0);
		tracker.start(2);
		tracker.delivered(3, 1, 0);
		assertThat(tracker.purged(10)).containsOnlyKeys(3L);
		assertThat(tracker.ackFloor()).isEqualTo(new SequencePair(1, 9));
		assertThat(tracker.pendingCount()).isZero();
	}

	@Test
	void maxDeliverCountsRedeliveriesAfterAckWait() {
		DeliveryTracker tracker = explicit(2);
		deliver(tracker, 1);
		tracker.expire(ACK_WAIT);
		assertThat(tracker.nextRedelivery(new ArrayList<>()).deliveryCount()).isEqualTo(2);
		tracker.delivered(1, 2, ACK_WAIT);
		tracker.expire(2 * ACK_WAIT);
		List<Long> dropped = new ArrayList<>();
		assertThat(tracker.nextRedelivery(dropped)).isNull();
		assertThat(dropped).containsExactly(1L);
	}

	@Test
	void undoneRedeliveryIsNotCounted() {
		DeliveryTracker tracker = explicit(2);
		deliver(tracker, 1);
		tracker.nak(1, -1, 0);
		Redelivery redelivery = tracker.nextRedelivery(new ArrayList<>());
		tracker.undoRedelivery(redelivery);
		assertThat(tracker.redeliveredCount()).isZero();
		assertThat(tracker.nextRedelivery(new ArrayList<>())).isEqualTo(redelivery);
	}

	@Test
	void backoffSetsTheWaitOfEachDelivery() {
		DeliveryTracker tracker = new DeliveryTracker(AckPolicy.EXPLICIT, 5, 100, List.of(100L, 500L));
		deliver(tracker, 1);
		assertThat(tracker.nextDue()).isEqualTo(100);
		tracker.expire(100);
		tracker.nextRedelivery(new ArrayList<>());
		tracker.delivered(1, 2, 100);
		assertThat(tracker.nextDue()).isEqualTo(600);
	}

	@Test
	void removedMessageLeavesPending() {
		DeliveryTracker tracker = explicit(-1);
		deliver(tracker, 1, 2);
		assertThat(tracker.removed(1)).isTrue();
		assertThat(tracker.ackFloor()).isEqualTo(new SequencePair(1, 1));
		assertThat(tracker.removed(5)).isFalse();
	}

	private static DeliveryTracker explicit(long maxDeliver) {
		return new DeliveryTracker(AckPolicy.EXPLICIT, maxDeliver, ACK_WAIT, List.of());
	}

	private static void deliver(DeliveryTracker tracker, long... streamSequences) {
		for (long sequence : streamSequences) {
			tracker.delivered(sequence, tracker.nextConsumerSequence(), 0);
		}
	}
}
