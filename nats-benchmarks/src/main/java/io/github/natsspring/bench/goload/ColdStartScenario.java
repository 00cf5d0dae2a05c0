package io.github.natsspring.bench.goload;

import java.util.List;
import java.util.Locale;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * The first messages a freshly launched server carries, with no warm-up: each measured run starts a new
 * process of the server and drives it at once with {@code natsload} (a native client, so the client has no JIT
 * to warm either). Reports the run's throughput and server CPU per message, and the same counted from the
 * process launch, start-up included.
 */
public final class ColdStartScenario implements Scenario {

	/** Time from launching the server process to the last delivery of the run. */
	public static final Metric LAUNCH_TO_LAST_DELIVERY = new Metric("launch to last delivery", "s");

	/** The server's whole CPU time since launch, start-up included, per delivered message. */
	public static final Metric CPU_SINCE_LAUNCH = new Metric("server CPU since launch per msg", "µs");

	private final GoLoadBuild build;

	private final ThroughputShape shape;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param build the generator's build, run on first use
	 * @param shape payload size and subscribers
	 * @param limits the messages to measure (e.g. the first million) and the time bound
	 */
	public ColdStartScenario(GoLoadBuild build, ThroughputShape shape, RunLimits limits) {
		this.build = build;
		this.shape = shape;
		this.limits = limits;
	}

	@Override
	public String name() {
		return String.format(Locale.ROOT, "cold start, first %,d msgs, %s", this.limits.messages(), this.shape.name());
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.MESSAGES_PER_SECOND, Metric.CPU_PER_MESSAGE, LAUNCH_TO_LAST_DELIVERY, CPU_SINCE_LAUNCH);
	}

	/**
	 * Measures against a new process of the given server; a warm-up run does nothing, since warming is exactly
	 * what this scenario leaves out.
	 */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		Sample sample = new Sample();
		if (phase == Phase.WARM_UP) {
			return sample;
		}
		GoLoadGenerator generator = this.build.generator();
		long launched = System.nanoTime();
		try (ServerProcess fresh = server.startFresh()) {
			GoLoadRun run = generator.run(fresh, GoLoad.throughput(this.shape, this.limits));
			fresh.checkAlive();
			GoLoadReport report = run.report();
			long lastDelivery = run.goAheadNanos() + report.elapsedNanos();
			return sample.with(Metric.MESSAGES_PER_SECOND, report.msgsPerSecond())
				.with(Metric.CPU_PER_MESSAGE, run.serverCpuMicrosPerDelivery())
				.with(LAUNCH_TO_LAST_DELIVERY, (lastDelivery - launched) / 1e9)
				.with(CPU_SINCE_LAUNCH, run.serverCpuSinceLaunchMicrosPerDelivery())
				.lost(report.lost());
		}
	}

}
