package io.github.natsspring.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;

/**
 * Subscribers on separate jnats connections, each counting what its {@link Dispatcher} delivers.
 */
final class SubscriberGroup implements AutoCloseable {

	private final List<Connection> connections = new ArrayList<>();

	private final List<AtomicLong> counters = new ArrayList<>();

	private SubscriberGroup() {
	}

	/**
	 * Subscribes {@code count} connections and waits until the server has registered every subscription.
	 */
	static SubscriberGroup open(String url, String subject, String queueGroup, int count)
			throws IOException, InterruptedException, TimeoutException {
		SubscriberGroup group = new SubscriberGroup();
		try {
			for (int i = 0; i < count; i++) {
				Connection connection = NatsClients.connect(url, "bench-sub-" + i);
				group.connections.add(connection);
				AtomicLong counter = new AtomicLong();
				group.counters.add(counter);
				// Each counter has one writer, the dispatcher thread, so a release store is enough.
				Dispatcher dispatcher = connection.createDispatcher((message) -> counter.setRelease(counter.getPlain() + 1));
				if (queueGroup == null) {
					dispatcher.subscribe(subject);
				}
				else {
					dispatcher.subscribe(subject, queueGroup);
				}
				connection.flush(Duration.ofSeconds(10));
			}
			return group;
		}
		catch (IOException | InterruptedException | TimeoutException | RuntimeException ex) {
			group.close();
			throw ex;
		}
	}

	long delivered() {
		long total = 0;
		for (AtomicLong counter : this.counters) {
			total += counter.getAcquire();
		}
		return total;
	}

	@Override
	public void close() throws InterruptedException {
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

}
