package io.github.natsspring.bench.starter;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.bench.load.Deliveries;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.NatsClients;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ClockTicks;
import io.github.natsspring.bench.server.ProcessCpu;
import io.github.natsspring.bench.server.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;

/**
 * Receiving cost on the client: a raw jnats {@link Dispatcher} or a {@link NatsListener} method, both counting
 * {@code byte[]} payloads on the starter application's connection, fed by the same raw jnats publisher. The
 * figure is the client JVM's CPU time (GC included) minus that of the publishing thread and its connection's
 * threads, per delivered message.
 */
public final class ReceiveCostScenario implements Scenario {

	/** The receiving side's CPU time per delivered message. */
	public static final Metric CLIENT_CPU_PER_MESSAGE = ClientCost.CLIENT_CPU_PER_MESSAGE;

	private static final String DISPATCHER_SUBJECT = "bench.starter.dispatcher";

	private static final long WINDOW_MESSAGES = 50_000;

	private static final int CHECK_EVERY_MASK = 255;

	private final StarterSession session;

	private final boolean viaListener;

	private final int payloadBytes;

	private final RunLimits limits;

	private ReceiveCostScenario(StarterSession session, boolean viaListener, int payloadBytes, RunLimits limits) {
		this.session = session;
		this.viaListener = viaListener;
		this.payloadBytes = payloadBytes;
		this.limits = limits;
	}

	/**
	 * Receives with a raw jnats dispatcher on the starter application's connection.
	 * @param session the starter application
	 * @param payloadBytes the payload size
	 * @param limits the message count and time bound of a measured run
	 * @return the scenario
	 */
	public static ReceiveCostScenario rawDispatcher(StarterSession session, int payloadBytes, RunLimits limits) {
		return new ReceiveCostScenario(session, false, payloadBytes, limits);
	}

	/**
	 * Receives with the starter application's {@link NatsListener} method.
	 * @param session the starter application
	 * @param payloadBytes the payload size
	 * @param limits the message count and time bound of a measured run
	 * @return the scenario
	 */
	public static ReceiveCostScenario natsListener(StarterSession session, int payloadBytes, RunLimits limits) {
		return new ReceiveCostScenario(session, true, payloadBytes, limits);
	}

	@Override
	public String name() {
		return "receive " + this.payloadBytes + " B" + this.session.observation().nameSuffix();
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.MESSAGES_PER_SECOND, CLIENT_CPU_PER_MESSAGE);
	}

	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		byte[] payload = new byte[this.payloadBytes];
		try (Receiver receiver = openReceiver(this.session.context())) {
			Set<Long> before = ThreadCpu.liveThreadIds();
			try (Connection publisher = NatsClients.connect(server.url(), "bench-feeder")) {
				publisher.flush(Duration.ofSeconds(10));
				Set<Long> publishing = ThreadCpu.liveThreadIds();
				publishing.removeAll(before);
				publishing.add(Thread.currentThread().getId());
				ThreadCpu publisherCpu = ThreadCpu.of(publishing);
				long self = ProcessHandle.current().pid();
				long cpuBefore = ProcessCpu.readTicks(self);
				long start = System.nanoTime();
				long deadline = start + runLimits.time().toNanos();
				long published = 0;
				while (published < runLimits.messages()) {
					publisher.publish(receiver.subject(), payload);
					published++;
					if ((published & CHECK_EVERY_MASK) == 0) {
						if (System.nanoTime() - deadline > 0) {
							break;
						}
						Deliveries.awaitWindow(receiver.count(), published, WINDOW_MESSAGES, deadline);
					}
				}
				publisher.flush(Duration.ofSeconds(30));
				long end = Deliveries.awaitAll(receiver.count(), published);
				long cpuTicks = ProcessCpu.readTicks(self) - cpuBefore;
				long delivered = receiver.count().getAsLong();
				double receivingMicros = ClockTicks.toMicros(cpuTicks) - publisherCpu.elapsedNanos() / 1000.0;
				return new Sample().with(Metric.MESSAGES_PER_SECOND, delivered * 1e9 / (end - start))
					.with(CLIENT_CPU_PER_MESSAGE, receivingMicros / delivered)
					.lost(Math.max(0, published - delivered));
			}
		}
	}

	private Receiver openReceiver(StarterContext starter) throws InterruptedException, TimeoutException {
		if (this.viaListener) {
			StarterApplication.CountingListener listener = starter.listener();
			long base = listener.received();
			return new Receiver(StarterApplication.LISTENER_SUBJECT, () -> listener.received() - base, Closer.NONE);
		}
		Connection connection = starter.connection();
		AtomicLong counter = new AtomicLong();
		// One writer, the dispatcher thread, so a release store is enough.
		Dispatcher dispatcher = connection.createDispatcher((message) -> counter.setRelease(counter.getPlain() + 1));
		dispatcher.subscribe(DISPATCHER_SUBJECT);
		connection.flush(Duration.ofSeconds(10));
		return new Receiver(DISPATCHER_SUBJECT, counter::getAcquire, () -> connection.closeDispatcher(dispatcher));
	}

	/**
	 * One way of receiving: the subject it listens on, its delivery count, and what closing releases.
	 */
	private record Receiver(String subject, LongSupplier count, Closer closer) implements AutoCloseable {

		@Override
		public void close() throws InterruptedException {
			this.closer.close();
		}

	}

}
