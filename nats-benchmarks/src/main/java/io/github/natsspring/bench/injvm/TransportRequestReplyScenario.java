package io.github.natsspring.bench.injvm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RequestReplyScenario;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ClockTicks;
import io.github.natsspring.bench.server.ProcessCpu;
import io.github.natsspring.bench.server.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

/**
 * Sequential request-reply round trips between two jnats connections on one transport to the in-JVM broker, one
 * request in flight at a time: latency percentiles, and the benchmark JVM's CPU time (clients and broker) per
 * round trip.
 */
public final class TransportRequestReplyScenario implements Scenario {

	/** The CPU time of the benchmark JVM, which runs the clients and the broker, per request and reply. */
	public static final Metric PROCESS_CPU_PER_REQUEST = new Metric("JVM CPU per request", "µs");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private static final long HIGHEST_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final InJvmBrokerSession session;

	private final Transport transport;

	private final int payloadBytes;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param session the broker in this JVM
	 * @param transport how both connections reach it
	 * @param payloadBytes the size of each request and reply
	 * @param limits the number of requests and the time bound of a measured run
	 */
	public TransportRequestReplyScenario(InJvmBrokerSession session, Transport transport, int payloadBytes,
			RunLimits limits) {
		this.session = session;
		this.transport = transport;
		this.payloadBytes = payloadBytes;
		this.limits = limits;
	}

	@Override
	public String name() {
		return "transport request-reply, " + this.payloadBytes + " B";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(RequestReplyScenario.P50, RequestReplyScenario.P99, RequestReplyScenario.P999,
				PROCESS_CPU_PER_REQUEST);
	}

	/**
	 * Runs against the broker in this JVM; the server process, the side's nominal server, is not used.
	 */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		String subject = "bench.transport.request";
		byte[] payload = new byte[this.payloadBytes];
		Histogram histogram = new Histogram(HIGHEST_TRACKED_NANOS, 3);
		try (Connection responder = this.transport.connect(this.session.broker(), "bench-responder");
				Connection requester = this.transport.connect(this.session.broker(), "bench-requester")) {
			Dispatcher dispatcher = responder.createDispatcher((request) -> responder.publish(request.getReplyTo(),
					request.getData()));
			dispatcher.subscribe(subject);
			responder.flush(REQUEST_TIMEOUT);
			requester.flush(REQUEST_TIMEOUT);
			long self = ProcessHandle.current().pid();
			long lost = 0;
			long cpuBefore = ProcessCpu.readTicks(self);
			long deadline = System.nanoTime() + runLimits.time().toNanos();
			long sent = 0;
			while (sent < runLimits.messages() && System.nanoTime() - deadline < 0) {
				long start = System.nanoTime();
				Message reply = requester.request(subject, payload, REQUEST_TIMEOUT);
				long elapsed = System.nanoTime() - start;
				sent++;
				if (reply == null) {
					lost++;
				}
				else {
					histogram.recordValue(Math.min(elapsed, HIGHEST_TRACKED_NANOS));
				}
			}
			long cpuTicks = ProcessCpu.readTicks(self) - cpuBefore;
			return new Sample().with(RequestReplyScenario.P50, micros(histogram, 50.0))
				.with(RequestReplyScenario.P99, micros(histogram, 99.0))
				.with(RequestReplyScenario.P999, micros(histogram, 99.9))
				.with(PROCESS_CPU_PER_REQUEST, ClockTicks.toMicros(cpuTicks) / sent)
				.lost(lost);
		}
	}

	private static double micros(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

}
