package io.github.natsspring.bench.goload;

import java.util.List;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * A publisher faster than its subscriber, with no window: the subscriber reads as fast as it can and never
 * drops on its own side, so whatever is lost the server dropped. A server that stalls the producer delivers
 * everything; one that cuts the subscriber off as a slow consumer shows cut-offs, reconnects and losses.
 */
public final class OverloadScenario implements Scenario {

	/** Messages the publisher sent. */
	public static final Metric PUBLISHED = new Metric("published", "");

	/** Messages the subscriber received. */
	public static final Metric DELIVERED = new Metric("delivered", "");

	/** Messages published but never delivered. */
	public static final Metric LOST = new Metric("lost", "");

	/** Times the server closed the subscriber's connection under it. */
	public static final Metric CUT_OFFS = new Metric("subscriber cut-offs", "");

	/** Slow-consumer notices in the server's log during the run. */
	public static final Metric SLOW_CONSUMER_LOGGED = new Metric("slow consumers in server log", "");

	private static final String SLOW_CONSUMER = "slow consumer";

	private final GoLoadBuild build;

	private final int payloadBytes;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param build the generator's build, run on first use
	 * @param payloadBytes the payload size
	 * @param limits message count and time bound of a measured run
	 */
	public OverloadScenario(GoLoadBuild build, int payloadBytes, RunLimits limits) {
		this.build = build;
		this.payloadBytes = payloadBytes;
		this.limits = limits;
	}

	@Override
	public String name() {
		return "overload 1:1, " + this.payloadBytes + " B, no window";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(PUBLISHED, DELIVERED, LOST, CUT_OFFS, SLOW_CONSUMER_LOGGED, Metric.MESSAGES_PER_SECOND,
				Metric.CPU_PER_MESSAGE);
	}

	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		long noticesBefore = server.logLinesContaining(SLOW_CONSUMER);
		GoLoadRun run = this.build.generator().run(server, GoLoad.overload(this.payloadBytes, runLimits));
		long notices = server.logLinesContaining(SLOW_CONSUMER) - noticesBefore;
		GoLoadReport report = run.report();
		return new Sample().with(PUBLISHED, report.published())
			.with(DELIVERED, report.delivered())
			.with(LOST, report.lost())
			.with(CUT_OFFS, report.subscriberCutOffs())
			.with(SLOW_CONSUMER_LOGGED, notices)
			.with(Metric.MESSAGES_PER_SECOND, report.msgsPerSecond())
			.with(Metric.CPU_PER_MESSAGE, run.serverCpuMicrosPerDelivery())
			.lost(report.lost());
	}

}
