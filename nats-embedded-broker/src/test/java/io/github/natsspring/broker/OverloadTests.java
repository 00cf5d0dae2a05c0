package io.github.natsspring.broker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload on the embedded broker, where its own figures can be read: a consumer that keeps reading is never
 * cut off however fast its producer, and one that never reads is cut off once, with the memory held for it
 * bounded by max pending whatever the producer sends.
 */
@Timeout(60)
class OverloadTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void aSlowerConsumerIsNeverCutOffAndEveryMessageIsCounted() throws Exception {
		int messages = 40_000;
		try (NatsBroker broker = started(BrokerLimits.builder().maxPayload(16 * 1024).maxPending(256 * 1024).build());
				ThrottledSubscriber consumer = ThrottledSubscriber.start(broker.getPort(), "flood", 16L << 20);
				FloodPublisher producer = FloodPublisher.connect(broker.getPort(), WAIT)) {
			producer.publish("flood", messages, 512);
			producer.ping();
			await().atMost(WAIT).until(() -> consumer.received() == messages || consumer.isClosedByServer());

			assertThat(consumer.isClosedByServer()).isFalse();
			BrokerStatistics statistics = broker.getStatistics();
			assertThat(statistics.slowConsumers()).isZero();
			assertThat(statistics.inMessages()).isEqualTo(messages);
			assertThat(statistics.outMessages()).isEqualTo(messages);
		}
	}

	/**
	 * Messages larger than half of max pending: the first one past half stalls the producer, the next one after
	 * the stall would take the consumer over max pending, so it is dropped and the consumer cut off. The write
	 * deadline is far away, so nothing else can end this.
	 */
	@Test
	void aConsumerThatNeverReadsIsCutOffAtMaxPendingWithTheMemoryHeldForItBounded() throws Exception {
		long maxPending = 1L << 20;
		int payloadSize = 600 * 1024;
		int messages = 110;
		BrokerLimits limits = BrokerLimits.builder().maxPending(maxPending).writeDeadline(Duration.ofMinutes(1)).build();
		try (NatsBroker broker = started(limits);
				RawClient neverReads = new RawClient(broker.getPort());
				FloodPublisher producer = FloodPublisher.connect(broker.getPort(), WAIT)) {
			neverReads.send("CONNECT {\"verbose\":false}\r\nSUB flood 1\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			long directBefore = usedDirectMemory();
			PeakSampler peaks = PeakSampler.start(broker);

			// 64 MB for a consumer that takes none of it, far more than its max pending and its socket buffers
			CompletableFuture<Void> flood = floodInBackground(producer, messages, payloadSize);
			await().atMost(WAIT).until(() -> broker.getStatistics().slowConsumers() > 0);
			flood.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			peaks.stop();

			assertThat(broker.getStatistics().slowConsumers()).isEqualTo(1);
			assertThat(broker.getConnectionCount()).isEqualTo(1);
			assertThat(peaks.pendingBytes()).isPositive().isLessThanOrEqualTo(maxPending);
			// the pooled allocator grows by 4 MB chunks: allow two beyond the consumer's max pending
			assertThat(peaks.directMemory() - directBefore).isLessThanOrEqualTo(maxPending + (8L << 20));
			assertThat(broker.getStatistics().inMessages()).isEqualTo(messages);
		}
	}

	/**
	 * Small messages: the stall keeps the consumer's pending bytes near half of max pending, and once its socket
	 * stays unwritable for a whole write deadline without one completed write, it is cut off.
	 */
	@Test
	void aConsumerThatNeverReadsIsCutOffAtTheWriteDeadlineWhileStalledBelowMaxPending() throws Exception {
		long maxPending = 8L << 20;
		int messages = 128 * 1024;
		BrokerLimits limits = BrokerLimits.builder().maxPending(maxPending).writeDeadline(Duration.ofSeconds(2)).build();
		try (NatsBroker broker = started(limits);
				RawClient neverReads = new RawClient(broker.getPort());
				FloodPublisher producer = FloodPublisher.connect(broker.getPort(), WAIT)) {
			neverReads.send("CONNECT {\"verbose\":false}\r\nSUB flood 1\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			PeakSampler peaks = PeakSampler.start(broker);

			// 64 MB of 512-byte messages
			CompletableFuture<Void> flood = floodInBackground(producer, messages, 512);
			await().atMost(WAIT).until(() -> broker.getStatistics().slowConsumers() > 0);
			flood.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			peaks.stop();

			assertThat(broker.getStatistics().slowConsumers()).isEqualTo(1);
			assertThat(broker.getConnectionCount()).isEqualTo(1);
			assertThat(peaks.pendingBytes()).isGreaterThan(maxPending / 2).isLessThan(maxPending);
			assertThat(broker.getStatistics().inMessages()).isEqualTo(messages);
		}
	}

	private static CompletableFuture<Void> floodInBackground(FloodPublisher producer, int messages, int payloadSize) {
		return CompletableFuture.runAsync(() -> {
			try {
				producer.publish("flood", messages, payloadSize);
				producer.ping();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static long usedDirectMemory() {
		return PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
	}

	private static NatsBroker started(BrokerLimits limits) {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort().toBuilder().limits(limits).build());
		broker.start();
		return broker;
	}

	/** Samples the largest pending bytes of any client and the broker's direct memory while a load runs. */
	private static final class PeakSampler {

		private final AtomicLong pendingBytes = new AtomicLong();

		private final AtomicLong directMemory = new AtomicLong();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		private PeakSampler(NatsBroker broker) {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					for (ClientStatistics client : broker.getClientStatistics()) {
						this.pendingBytes.accumulateAndGet(client.pendingBytes(), Math::max);
					}
					this.directMemory.accumulateAndGet(usedDirectMemory(), Math::max);
					Thread.onSpinWait();
				}
			}, "peak-sampler");
			this.thread.setDaemon(true);
		}

		static PeakSampler start(NatsBroker broker) {
			PeakSampler sampler = new PeakSampler(broker);
			sampler.thread.start();
			return sampler;
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
		}

		long pendingBytes() {
			return this.pendingBytes.get();
		}

		long directMemory() {
			return this.directMemory.get();
		}
	}
}
