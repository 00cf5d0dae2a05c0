package io.github.natsspring.bench.injvm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsspring.bench.load.Deliveries;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ClockTicks;
import io.github.natsspring.bench.server.ProcessCpu;
import io.github.natsspring.bench.server.ServerProcess;
import io.nats.client.Connection;

/**
 * One jnats publisher and one subscriber on one transport to the in-JVM broker, the publisher kept within a window
 * of the subscriber as the jnats rows are: delivered messages per second, and the benchmark JVM's CPU time (clients
 * and broker) per message.
 */
public final class TransportThroughputScenario implements Scenario {

	/** The CPU time of the benchmark JVM, which runs the clients and the broker, per delivered message. */
	public static final Metric PROCESS_CPU_PER_MESSAGE = new Metric("JVM CPU per msg", "µs");

	private static final int CHECK_EVERY_MASK = 255;

	private final InJvmBrokerSession session;

	private final Transport transport;

	private final int payloadBytes;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param session the broker in this JVM
	 * @param transport how both connections reach it
	 * @param payloadBytes the size of each message
	 * @param limits message count and time bound of a measured run
	 */
	public TransportThroughputScenario(InJvmBrokerSession session, Transport transport, int payloadBytes,
			RunLimits limits) {
		this.session = session;
		this.transport = transport;
		this.payloadBytes = payloadBytes;
		this.limits = limits;
	}

	@Override
	public String name() {
		return "transport pub/sub, " + this.payloadBytes + " B";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.MESSAGES_PER_SECOND, PROCESS_CPU_PER_MESSAGE);
	}

	/**
	 * Runs against the broker in this JVM; the server process, the side's nominal server, is not used.
	 */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		String subject = "bench.transport.throughput";
		byte[] payload = new byte[this.payloadBytes];
		AtomicLong delivered = new AtomicLong();
		try (Connection subscriber = this.transport.connect(this.session.broker(), "bench-sub");
				Connection publisher = this.transport.connect(this.session.broker(), "bench-pub")) {
			subscriber.createDispatcher((message) -> delivered.incrementAndGet()).subscribe(subject);
			subscriber.flush(Duration.ofSeconds(10));
			publisher.flush(Duration.ofSeconds(10));
			long self = ProcessHandle.current().pid();
			long cpuBefore = ProcessCpu.readTicks(self);
			long start = System.nanoTime();
			long deadline = start + runLimits.time().toNanos();
			long published = 0;
			long window = ThroughputShape.pubSub(this.payloadBytes).publisherWindow();
			while (published < runLimits.messages()) {
				publisher.publish(subject, payload);
				published++;
				if ((published & CHECK_EVERY_MASK) == 0) {
					if (System.nanoTime() - deadline > 0) {
						break;
					}
					Deliveries.awaitWindow(delivered::get, published, window, deadline);
				}
			}
			publisher.flush(Duration.ofSeconds(30));
			long end = Deliveries.awaitAll(delivered::get, published);
			long cpuTicks = ProcessCpu.readTicks(self) - cpuBefore;
			long received = delivered.get();
			return new Sample().with(Metric.MESSAGES_PER_SECOND, received * 1e9 / (end - start))
				.with(PROCESS_CPU_PER_MESSAGE, ClockTicks.toMicros(cpuTicks) / Math.max(1, received))
				.lost(Math.max(0, published - received));
		}
	}

}
