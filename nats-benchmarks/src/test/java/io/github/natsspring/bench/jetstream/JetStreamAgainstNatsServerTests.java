package io.github.natsspring.bench.jetstream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.goload.GoLoad;
import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.goload.GoLoadReport;
import io.github.natsspring.bench.goload.GoToolchainAvailability;
import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JetStreamAgainstNatsServerTests {

	private static final RunLimits TINY = new RunLimits(2_000, Duration.ofSeconds(20));

	private static final GoLoadBuild BUILD = GoLoadBuild.ofThisModule();

	@TempDir
	Path logs;

	@TempDir
	Path stores;

	private final JetStreamSession session = new JetStreamSession();

	@AfterEach
	void stopServer() {
		this.session.close();
	}

	@Test
	void theServerGetsTheJetStreamFlagsWithAStoreDirectoryUnderTheSharedParent() {
		this.session.start(natsServer(), this.stores, this.logs);

		List<String> command = this.session.server().command().command();
		assertThat(this.session.storeDirectory()).isEqualTo(this.stores.resolve("nats-server")).isDirectory();
		assertThat(command).containsSubsequence("-js", "-sd", this.session.storeDirectory().toString());
		assertThat(this.session.server().label()).isEqualTo("nats-server JetStream");
	}

	@Test
	void eachModeAcknowledgesEveryMessageAndTheStreamReachesTheDisk() throws Exception {
		GoToolchainAvailability.require();
		this.session.start(natsServer(), this.stores, this.logs);

		for (GoLoad load : List.of(GoLoad.jetStreamPublish(128, TINY), GoLoad.jetStreamPublishAsync(128, 64, TINY),
				GoLoad.jetStreamConsume(128, 100, TINY))) {
			GoLoadReport report = BUILD.generator().run(this.session.server(), load).report();

			assertThat(report.mode()).isEqualTo(load.mode());
			assertThat(report.published()).isEqualTo(2_000);
			assertThat(report.delivered()).isEqualTo(2_000);
			assertThat(report.lost()).isZero();
			assertThat(report.lastError()).isNull();
			// 2,000 messages of 128 B in a file-backed stream
			assertThat(DiskUsage.bytes(this.session.storeDirectory())).isGreaterThan(2_000 * 128);
		}
	}

	@Test
	void aConsumerItsTimeLimitStopsEarlyHasLostNothing() throws Exception {
		GoToolchainAvailability.require();
		this.session.start(natsServer(), this.stores, this.logs);

		GoLoadReport report = BUILD.generator()
			.run(this.session.server(), GoLoad.jetStreamConsume(16, 10, new RunLimits(20_000, Duration.ofMillis(1))))
			.report();

		// the time limit bounds the pre-fill too: at least one window of PubAcks, never the whole count
		assertThat(report.published()).isPositive().isLessThan(20_000);
		assertThat(report.delivered()).isLessThanOrEqualTo(report.published()).isEqualTo(report.expected());
		assertThat(report.lost()).isZero();
		assertThat(report.lastError()).isNull();
	}

	@Test
	void theScenarioMeasuresThroughputCpuAndStorePerMessage() throws Exception {
		GoToolchainAvailability.require();
		this.session.start(natsServer(), this.stores, this.logs);
		JetStreamScenario scenario = JetStreamScenario.pullConsume(BUILD, this.session, 128, 256, TINY);

		Sample sample = scenario.run(this.session.server(), Phase.MEASURED);

		assertThat(scenario.name()).isEqualTo("JetStream pull consume, batch 256, ack each, 128 B");
		assertThat(sample.value(Metric.MESSAGES_PER_SECOND)).isPositive();
		assertThat(sample.value(Metric.CPU_PER_MESSAGE)).isNotNaN().isGreaterThanOrEqualTo(0);
		// a stored message is at least its payload
		assertThat(sample.value(JetStreamScenario.STORE_PER_MESSAGE)).isGreaterThan(128);
		assertThat(sample.lostMessages()).isZero();
	}

	@Test
	void closingStopsTheServerAndDeletesItsStore() {
		this.session.start(natsServer(), this.stores, this.logs);
		long pid = this.session.server().pid();
		Path store = this.session.storeDirectory();

		this.session.close();

		assertThat(ProcessHandle.of(pid)).isEmpty();
		assertThat(store).doesNotExist();
		assertThatIllegalStateException().isThrownBy(this.session::server)
			.withMessage("The JetStream server is not running");
	}

	@Test
	void aServerThatRejectsTheJetStreamFlagsFailsByName() {
		ServerCommand withoutJetStream = new ServerCommand("old-server",
				List.of("/bin/sh", "-c", "echo 'flag provided but not defined: -js'; exit 2"), false,
				ServerConfiguration.NONE);

		assertThatIllegalStateException()
			.isThrownBy(() -> this.session.start(withoutJetStream, this.stores, this.logs))
			.withMessageContaining("old-server did not start with nats-server's JetStream flags")
			.withMessageContaining("flag provided but not defined: -js");
		this.session.close();
		assertThat(this.stores.resolve("old-server")).doesNotExist();
		assertThat(Files.isDirectory(this.stores)).isTrue();
	}

	private static ServerCommand natsServer() {
		return ServerCommand.natsServer("nats-server", NatsServerAvailability.require());
	}

}
