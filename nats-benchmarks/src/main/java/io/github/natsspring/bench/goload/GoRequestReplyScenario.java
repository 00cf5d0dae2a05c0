package io.github.natsspring.bench.goload;

import java.util.List;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RequestReplyScenario;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ClockTicks;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * Sequential request-reply round trips between two nats.go connections, one request in flight at a time:
 * the same figures as the jnats {@link RequestReplyScenario}.
 */
public final class GoRequestReplyScenario implements Scenario {

	private final GoLoadBuild build;

	private final int payloadBytes;

	private final RunLimits limits;

	/**
	 * Creates the scenario.
	 * @param build the generator's build, run on first use
	 * @param payloadBytes the size of each request and reply
	 * @param limits the number of requests and the time bound of a measured run
	 */
	public GoRequestReplyScenario(GoLoadBuild build, int payloadBytes, RunLimits limits) {
		this.build = build;
		this.payloadBytes = payloadBytes;
		this.limits = limits;
	}

	@Override
	public String name() {
		return "request-reply, " + this.payloadBytes + " B";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(RequestReplyScenario.P50, RequestReplyScenario.P99, RequestReplyScenario.P999,
				RequestReplyScenario.CPU_PER_REQUEST);
	}

	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		GoLoadRun run = this.build.generator().run(server, GoLoad.requests(this.payloadBytes, runLimits));
		GoLoadReport report = run.report();
		long cpuTicks = run.serverCpuTicksAfter() - run.serverCpuTicksBefore();
		return new Sample().with(RequestReplyScenario.P50, report.p50Micros())
			.with(RequestReplyScenario.P99, report.p99Micros())
			.with(RequestReplyScenario.P999, report.p999Micros())
			.with(RequestReplyScenario.CPU_PER_REQUEST, ClockTicks.toMicros(cpuTicks) / Math.max(1, report.requests()))
			.lost(report.timeouts());
	}

}
