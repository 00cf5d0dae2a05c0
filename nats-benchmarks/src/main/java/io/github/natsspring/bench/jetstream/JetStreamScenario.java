package io.github.natsspring.bench.jetstream;

import java.util.List;
import java.util.function.Function;

import io.github.natsspring.bench.goload.GoLoad;
import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.goload.GoLoadRun;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * A nats.go JetStream load on a server started with JetStream: publishing with acknowledgements into a fresh
 * file-backed stream, or pull-consuming a pre-filled one; acknowledged (or consumed and acked) messages per second,
 * the server's CPU time per message, and what the store directory occupies on disk after the run per message the
 * stream holds.
 */
public final class JetStreamScenario implements Scenario {

	/** {@code du -s -B1} of the server's store directory after the run, divided by the messages of the stream. */
	public static final Metric STORE_PER_MESSAGE = new Metric("store on disk per msg", "B");

	private final String name;

	private final GoLoadBuild build;

	private final JetStreamSession session;

	private final Function<RunLimits, GoLoad> load;

	private final RunLimits limits;

	private JetStreamScenario(String name, GoLoadBuild build, JetStreamSession session,
			Function<RunLimits, GoLoad> load, RunLimits limits) {
		this.name = name;
		this.build = build;
		this.session = session;
		this.load = load;
		this.limits = limits;
	}

	/**
	 * Publishing that waits for each PubAck before the next publish.
	 * @param build the generator's build, run on first use
	 * @param session the server the load runs on
	 * @param payloadBytes the payload size
	 * @param limits message count and time bound of a measured run
	 * @return the scenario
	 */
	public static JetStreamScenario publishSync(GoLoadBuild build, JetStreamSession session, int payloadBytes,
			RunLimits limits) {
		return new JetStreamScenario("JetStream publish, sync (1 in flight), " + payloadBytes + " B", build, session,
				(runLimits) -> GoLoad.jetStreamPublish(payloadBytes, runLimits), limits);
	}

	/**
	 * Publishing with a window of outstanding PubAcks.
	 * @param build the generator's build, run on first use
	 * @param session the server the load runs on
	 * @param payloadBytes the payload size
	 * @param window the most PubAcks outstanding
	 * @param limits message count and time bound of a measured run
	 * @return the scenario
	 */
	public static JetStreamScenario publishAsync(GoLoadBuild build, JetStreamSession session, int payloadBytes,
			int window, RunLimits limits) {
		return new JetStreamScenario("JetStream publish, async (" + window + " in flight), " + payloadBytes + " B",
				build, session, (runLimits) -> GoLoad.jetStreamPublishAsync(payloadBytes, window, runLimits), limits);
	}

	/**
	 * A durable explicit-ack pull consumer fetching a pre-filled stream and acking every message.
	 * @param build the generator's build, run on first use
	 * @param session the server the load runs on
	 * @param payloadBytes the payload size
	 * @param batch the messages asked for per fetch
	 * @param limits the messages the stream is pre-filled with and the time bound of the consuming
	 * @return the scenario
	 */
	public static JetStreamScenario pullConsume(GoLoadBuild build, JetStreamSession session, int payloadBytes,
			int batch, RunLimits limits) {
		return new JetStreamScenario("JetStream pull consume, batch " + batch + ", ack each, " + payloadBytes + " B",
				build, session, (runLimits) -> GoLoad.jetStreamConsume(payloadBytes, batch, runLimits), limits);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.MESSAGES_PER_SECOND, Metric.CPU_PER_MESSAGE, STORE_PER_MESSAGE);
	}

	/**
	 * Runs on this scenario's server; the side's server is the same process.
	 */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		ServerProcess jetStreamServer = this.session.server();
		GoLoadRun run = this.build.generator().run(jetStreamServer, this.load.apply(runLimits));
		jetStreamServer.checkAlive();
		long stored = run.report().published();
		double storePerMessage = (stored == 0) ? Double.NaN
				: (double) DiskUsage.bytes(this.session.storeDirectory()) / stored;
		return new Sample().with(Metric.MESSAGES_PER_SECOND, run.report().msgsPerSecond())
			.with(Metric.CPU_PER_MESSAGE, run.serverCpuMicrosPerDelivery())
			.with(STORE_PER_MESSAGE, storePerMessage)
			.lost(run.report().lost());
	}

}
