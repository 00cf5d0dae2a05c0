package io.github.natsspring.bench.cluster;

import java.util.List;

import io.github.natsspring.bench.goload.GoLoad;
import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.goload.GoLoadRun;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * A nats.go throughput load across a two-node cluster: the publisher on node A, the subscribers on node B, so that
 * every delivery is routed; routed messages per second counted at the subscribers, and the CPU time of both nodes
 * together per routed message.
 */
public final class RoutedThroughputScenario implements Scenario {

	/** The CPU time of both nodes, the one the message was published to and the one that delivered it. */
	public static final Metric CPU_PER_ROUTED_MESSAGE = new Metric("server CPU per msg, A+B", "µs");

	private final GoLoadBuild build;

	private final ClusterSession session;

	private final ThroughputShape shape;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param build the generator's build, run on first use
	 * @param session the cluster the load runs on
	 * @param shape payload size and subscribers
	 * @param limits message count and time bound of a measured run
	 */
	public RoutedThroughputScenario(GoLoadBuild build, ClusterSession session, ThroughputShape shape,
			RunLimits limits) {
		this.build = build;
		this.session = session;
		this.shape = shape;
		this.limits = limits;
	}

	@Override
	public String name() {
		return this.shape.name() + ", cluster A→B";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.MESSAGES_PER_SECOND, CPU_PER_ROUTED_MESSAGE);
	}

	/**
	 * Runs on this scenario's cluster; the server process, the side's nominal server, is its node A.
	 */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		ServerCluster cluster = this.session.cluster();
		cluster.checkAlive();
		GoLoadRun run = this.build.generator()
			.runRouted(cluster.publishingNode(), cluster.subscribingNode(), GoLoad.throughput(this.shape, runLimits));
		cluster.checkAlive();
		return new Sample().with(Metric.MESSAGES_PER_SECOND, run.report().msgsPerSecond())
			.with(CPU_PER_ROUTED_MESSAGE, run.serverCpuMicrosPerDelivery())
			.lost(run.report().lost());
	}

}
