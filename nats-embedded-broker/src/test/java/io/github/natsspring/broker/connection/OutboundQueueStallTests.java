package io.github.natsspring.broker.connection;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a fast producer is stalled, scaled as nats-server 2.9.10 scales it with its consumer's pending bytes.
 */
class OutboundQueueStallTests {

	private static final long MAX_PENDING = 64L << 20;

	@Test
	void aConsumerJustOverHalfStallsItsProducerForTheShortestTime() {
		assertThat(stallMillis(MAX_PENDING / 2 + 1)).isEqualTo(100);
	}

	@Test
	void eachTenthOfTheUpperHalfFilledAddsAnotherHundredMilliseconds() {
		long tenth = MAX_PENDING / 2 / 10;
		assertThat(stallMillis(MAX_PENDING / 2 + tenth)).isEqualTo(200);
		assertThat(stallMillis(MAX_PENDING / 2 + 5 * tenth + 1)).isEqualTo(600);
	}

	@Test
	void aConsumerAtMaxPendingStallsItsProducerForASecond() {
		assertThat(stallMillis(MAX_PENDING)).isEqualTo(1000);
	}

	private static long stallMillis(long pending) {
		return TimeUnit.NANOSECONDS.toMillis(OutboundQueue.stallNanos(pending, MAX_PENDING));
	}
}
