package io.github.natsspring.bench.goload;

import java.util.List;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * The throughput shapes of the jnats scenarios driven by {@code natsload} instead: a nats.go publisher within
 * the same window and nats.go subscribers on their own connections, throughput counted at the subscribers and
 * the server's CPU time per delivered message.
 */
public final class GoThroughputScenario implements Scenario {

	private final GoLoadBuild build;

	private final ThroughputShape shape;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param build the generator's build, run on first use
	 * @param shape payload size and subscribers
	 * @param limits message count and time bound of a measured run
	 */
	public GoThroughputScenario(GoLoadBuild build, ThroughputShape shape, RunLimits limits) {
		this.build = build;
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
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		GoLoadRun run = this.build.generator().run(server, GoLoad.throughput(this.shape, runLimits));
		return new Sample().with(Metric.MESSAGES_PER_SECOND, run.report().msgsPerSecond())
			.with(Metric.CPU_PER_MESSAGE, run.serverCpuMicrosPerDelivery())
			.lost(run.report().lost());
	}

}
