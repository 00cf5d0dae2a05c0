package io.github.natsspring.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.github.natsspring.bench.server.ClockTicks;
import io.github.natsspring.bench.server.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

/**
 * Sequential request-reply round trips between two jnats connections, one request in flight at a time:
 * latency percentiles from an HdrHistogram and server CPU time per round trip.
 */
public final class RequestReplyScenario implements Scenario {

	/** Median round-trip time. */
	public static final Metric P50 = new Metric("request-reply p50", "µs");

	/** 99th percentile round-trip time. */
	public static final Metric P99 = new Metric("request-reply p99", "µs");

	/** 99.9th percentile round-trip time. */
	public static final Metric P999 = new Metric("request-reply p99.9", "µs");

	/** Server CPU time per request and its reply. */
	public static final Metric CPU_PER_REQUEST = new Metric("server CPU per request", "µs");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private static final long HIGHEST_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final int payloadBytes;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param payloadBytes the size of each request and reply
	 * @param limits the number of requests and the time bound of a measured run
	 */
	public RequestReplyScenario(int payloadBytes, RunLimits limits) {
		this.payloadBytes = payloadBytes;
		this.limits = limits;
	}

	@Override
	public String name() {
		return "request-reply, " + this.payloadBytes + " B";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(P50, P99, P999, CPU_PER_REQUEST);
	}

	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		String subject = "bench.request";
		byte[] payload = new byte[this.payloadBytes];
		Histogram histogram = new Histogram(HIGHEST_TRACKED_NANOS, 3);
		try (Connection responder = NatsClients.connect(server.url(), "bench-responder");
				Connection requester = NatsClients.connect(server.url(), "bench-requester")) {
			Dispatcher dispatcher = responder.createDispatcher((request) -> responder.publish(request.getReplyTo(),
					request.getData()));
			dispatcher.subscribe(subject);
			responder.flush(REQUEST_TIMEOUT);
			requester.flush(REQUEST_TIMEOUT);
			long lost = 0;
			long cpuBefore = server.cpuTicks();
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
			long cpuTicks = server.cpuTicks() - cpuBefore;
			return new Sample().with(P50, micros(histogram, 50.0))
				.with(P99, micros(histogram, 99.0))
				.with(P999, micros(histogram, 99.9))
				.with(CPU_PER_REQUEST, ClockTicks.toMicros(cpuTicks) / sent)
				.lost(lost);
		}
	}

	private static double micros(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

}
