package io.github.natsspring.bench.load;

import java.time.Duration;
import java.util.List;

import io.github.natsspring.bench.server.ServerProcess;
import io.nats.client.Connection;

/**
 * One jnats publisher in a tight loop and zero or more jnats subscribers: throughput counted at the subscribers,
 * and the server's CPU time per delivered message.
 * <p>
 * The publisher stays at most a bounded window of messages ahead of the slowest delivery count, so neither the
 * server's nor the client's slow-consumer limits are hit and every published message can be required to arrive.
 */
public final class ThroughputScenario implements Scenario {

	private static final int CHECK_EVERY_MASK = 255;

	private final ThroughputShape shape;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param shape payload size and subscribers
	 * @param limits message count and time bound of a measured run
	 */
	public ThroughputScenario(ThroughputShape shape, RunLimits limits) {
		this.shape = shape;
		this.limits = limits;
	}

	@Override
	public String name() {
		return this.shape.name();
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.MESSAGES_PER_SECOND, Metric.CPU_PER_MESSAGE);
	}

	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		ThroughputResult result = measure(server, (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits);
		return new Sample().with(Metric.MESSAGES_PER_SECOND, result.messagesPerSecond())
			.with(Metric.CPU_PER_MESSAGE, result.serverCpuMicrosPerMessage())
			.lost(result.lost());
	}

	ThroughputResult measure(ServerProcess server, RunLimits runLimits) throws Exception {
		String subject = "bench.throughput";
		byte[] payload = new byte[this.shape.payloadBytes()];
		long perMessage = this.shape.deliveriesPerMessage();
		long window = this.shape.publisherWindow() * perMessage;
		try (SubscriberGroup subscribers = SubscriberGroup.open(server.url(), subject, this.shape.queueGroup(),
				this.shape.subscribers()); Connection publisher = NatsClients.connect(server.url(), "bench-pub")) {
			publisher.flush(Duration.ofSeconds(10));
			long cpuBefore = server.cpuTicks();
			long start = System.nanoTime();
			long deadline = start + runLimits.time().toNanos();
			long published = 0;
			while (published < runLimits.messages()) {
				publisher.publish(subject, payload);
				published++;
				if ((published & CHECK_EVERY_MASK) == 0) {
					if (System.nanoTime() - deadline > 0) {
						break;
					}
					Deliveries.awaitWindow(subscribers::delivered, published * perMessage, window, deadline);
				}
			}
			publisher.flush(Duration.ofSeconds(30));
			long expected = published * perMessage;
			long end = (perMessage == 0) ? System.nanoTime() : Deliveries.awaitAll(subscribers::delivered, expected);
			long cpuAfter = server.cpuTicks();
			long delivered = (perMessage == 0) ? published : subscribers.delivered();
			return new ThroughputResult(published, delivered, Math.max(0, expected - delivered), end - start,
					cpuAfter - cpuBefore);
		}
	}

}
