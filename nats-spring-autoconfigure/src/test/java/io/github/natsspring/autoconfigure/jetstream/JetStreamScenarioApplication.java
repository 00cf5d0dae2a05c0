package io.github.natsspring.autoconfigure.jetstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsspring.annotation.JetStreamListener;
import io.github.natsspring.jetstream.listener.AckMode;
import io.nats.client.Message;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application of the JetStream scenarios: declared streams and a bucket, and a listener per scenario, each on
 * a stream of its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class JetStreamScenarioApplication {

	@Bean
	StreamConfiguration ordersStream() {
		return stream("ORDERS", "orders.>");
	}

	@Bean
	StreamConfiguration autoAckStream() {
		return stream("AUTOACK", "autoack.>");
	}

	@Bean
	StreamConfiguration manualAckStream() {
		return stream("MANUALACK", "manualack.>");
	}

	@Bean
	StreamConfiguration failingStream() {
		return stream("FAILING", "failing.>");
	}

	@Bean
	StreamConfiguration deadLetterStream() {
		return stream("DEAD", "dead.>");
	}

	@Bean
	StreamConfiguration workStream() {
		return stream("WORK", "work.>");
	}

	@Bean
	KeyValueConfiguration profilesBucket() {
		return KeyValueConfiguration.builder().name("profiles").maxHistoryPerKey(5).storageType(StorageType.File).build();
	}

	@Bean
	Listeners listeners() {
		return new Listeners();
	}

	static StreamConfiguration stream(String name, String... subjects) {
		return StreamConfiguration.builder()
			.name(name)
			.subjects(subjects)
			.storageType(StorageType.File)
			.duplicateWindow(Duration.ofMinutes(1))
			.build();
	}

	/** An order, as JSON. */
	record Order(String id, int quantity) {
	}

	/** A listener per scenario, recording what it saw. */
	static class Listeners {

		final List<Order> autoAcked = new CopyOnWriteArrayList<>();

		final Map<String, Long> deliveries = new ConcurrentHashMap<>();

		final List<String> manual = new CopyOnWriteArrayList<>();

		final AtomicInteger failingAttempts = new AtomicInteger();

		final Set<String> workThreads = ConcurrentHashMap.newKeySet();

		final CountDownLatch workInFlight = new CountDownLatch(3);

		/** Orders with a negative quantity fail on their first two deliveries. */
		@JetStreamListener(stream = "AUTOACK", durable = "auto", subjects = "autoack.orders")
		void onOrder(Order order, Message message) {
			this.deliveries.put(order.id(), message.metaData().deliveredCount());
			if (order.quantity() < 0 && message.metaData().deliveredCount() < 3) {
				throw new IllegalStateException("not yet: " + order.id());
			}
			this.autoAcked.add(order);
		}

		/** Acknowledges the messages that ask for it. */
		@JetStreamListener(stream = "MANUALACK", durable = "manual", ackMode = AckMode.MANUAL)
		void onManual(String text, Message message) {
			this.manual.add(text);
			if (text.startsWith("ack")) {
				message.ack();
			}
		}

		@JetStreamListener(stream = "FAILING", durable = "failing", maxDeliver = "${failing.max-deliver:2}",
				backoff = "100ms", deadLetterSubject = "dead.failing")
		void onFailing(String text) {
			this.failingAttempts.incrementAndGet();
			throw new IllegalArgumentException("cannot handle " + text);
		}

		/** Holds each message until three are handled at once. */
		@JetStreamListener(stream = "WORK", durable = "workers", concurrency = "3")
		void onWork(String text) throws InterruptedException {
			this.workThreads.add(Thread.currentThread().getName());
			this.workInFlight.countDown();
			this.workInFlight.await(10, TimeUnit.SECONDS);
		}
	}
}
