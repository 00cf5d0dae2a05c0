package io.github.natsspring.bench.goload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RequestReplyScenario;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ClientAccess;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GoLoadAgainstNatsServerTests {

	private static final RunLimits TINY = new RunLimits(20_000, Duration.ofSeconds(20));

	private static final GoLoadBuild BUILD = GoLoadBuild.ofThisModule();

	@TempDir
	Path logs;

	private ServerProcess server;

	@BeforeAll
	static void buildGenerator() throws Exception {
		GoToolchainAvailability.require();
		BUILD.generator();
	}

	@BeforeEach
	void startServer() {
		this.server = ServerProcess.start(ServerCommand.natsServer("nats-server", NatsServerAvailability.require()),
				this.logs);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void generatorNamesTheNatsGoItWasBuiltWith() throws Exception {
		assertThat(BUILD.generator().version()).startsWith("nats.go 1.").contains("go1.");
	}

	@Test
	void publishOnlyCountsEveryMessageTheServerRead() throws Exception {
		GoLoadReport report = run(GoLoad.throughput(ThroughputShape.publishOnly(16), TINY));

		assertThat(report.published()).isEqualTo(20_000);
		assertThat(report.delivered()).isEqualTo(20_000);
		assertThat(report.msgsPerSecond()).isPositive();
	}

	@Test
	void pubSubDeliversEveryMessage() throws Exception {
		GoLoadReport report = run(GoLoad.throughput(ThroughputShape.pubSub(128), TINY));

		assertThat(report.delivered()).isEqualTo(20_000);
		assertThat(report.lost()).isZero();
		assertThat(report.subscriberCutOffs()).isZero();
	}

	@Test
	void fanOutDeliversEveryMessageToEverySubscriber() throws Exception {
		GoLoadReport report = run(GoLoad.throughput(ThroughputShape.fanOut(128, 4), TINY));

		assertThat(report.expected()).isEqualTo(80_000);
		assertThat(report.delivered()).isEqualTo(80_000);
	}

	@Test
	void queueGroupDeliversEachMessageOnce() throws Exception {
		GoLoadReport report = run(GoLoad.throughput(ThroughputShape.queueGroup(128, 4), TINY));

		assertThat(report.delivered()).isEqualTo(20_000);
	}

	@Test
	void overloadOnNatsServerLosesNothingAndCutsNobodyOff() throws Exception {
		GoLoadReport report = run(GoLoad.overload(512, TINY));

		assertThat(report.delivered()).isEqualTo(20_000);
		assertThat(report.lost()).isZero();
		assertThat(report.subscriberCutOffs()).isZero();
		assertThat(report.clientDropped()).isZero();
	}

	@Test
	void requestReplyRecordsLatencyPercentilesInOrder() throws Exception {
		Sample sample = new GoRequestReplyScenario(BUILD, 128, new RunLimits(500, Duration.ofSeconds(20)))
			.run(this.server, Phase.MEASURED);

		assertThat(sample.value(RequestReplyScenario.P50)).isPositive()
			.isLessThanOrEqualTo(sample.value(RequestReplyScenario.P99));
		assertThat(sample.value(RequestReplyScenario.P99)).isLessThanOrEqualTo(sample.value(RequestReplyScenario.P999));
		assertThat(sample.value(RequestReplyScenario.CPU_PER_REQUEST)).isNotNaN();
		assertThat(sample.lostMessages()).isZero();
	}

	@Test
	void serverCpuIsReadAroundTheMeasuredInterval() throws Exception {
		GoLoadRun run = BUILD.generator().run(this.server, GoLoad.throughput(ThroughputShape.pubSub(16), TINY));

		assertThat(run.serverCpuTicksAfter()).isGreaterThanOrEqualTo(run.serverCpuTicksBefore());
		assertThat(run.serverCpuMicrosPerDelivery()).isNotNaN().isGreaterThanOrEqualTo(0);
	}

	@Test
	void coldStartMeasuresAFreshServerFromItsLaunch() throws Exception {
		ColdStartScenario scenario = new ColdStartScenario(BUILD, ThroughputShape.pubSub(16), TINY);

		Sample sample = scenario.run(this.server, Phase.MEASURED);

		assertThat(sample.value(Metric.MESSAGES_PER_SECOND)).isPositive();
		assertThat(sample.value(ColdStartScenario.LAUNCH_TO_LAST_DELIVERY)).isPositive();
		assertThat(sample.value(ColdStartScenario.CPU_SINCE_LAUNCH))
			.isGreaterThanOrEqualTo(sample.value(Metric.CPU_PER_MESSAGE));
		assertThat(sample.lostMessages()).isZero();
	}

	@Test
	void coldStartWarmUpStartsNoServer() throws Exception {
		Sample sample = new ColdStartScenario(BUILD, ThroughputShape.pubSub(16), TINY).run(this.server, Phase.WARM_UP);

		assertThat(sample.value(Metric.MESSAGES_PER_SECOND)).isNaN();
	}

	@Test
	void generatorRefusesAServerOffLoopback() throws Exception {
		Process process = new ProcessBuilder(
				BUILD.generator().command(GoLoad.throughput(ThroughputShape.pubSub(16), TINY), "nats://192.0.2.1:4222",
						ClientAccess.ANONYMOUS_PLAINTEXT))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor()).isEqualTo(1);
		assertThat(output).contains("is not a loopback address");
	}

	@Test
	void generatorRefusesASubscriberServerOffLoopback() throws Exception {
		Process process = new ProcessBuilder(BUILD.generator()
			.command(GoLoad.throughput(ThroughputShape.pubSub(16), TINY), this.server.url(), "nats://192.0.2.1:4222",
					ClientAccess.ANONYMOUS_PLAINTEXT))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor()).isEqualTo(1);
		assertThatIllegalStateException().isThrownBy(() -> GoLoadReport.parse(output.trim()))
			.withMessage("natsload failed: -suburl \"nats://192.0.2.1:4222\" is not a loopback address");
	}

	private GoLoadReport run(GoLoad load) throws Exception {
		return BUILD.generator().run(this.server, load).report();
	}

}
