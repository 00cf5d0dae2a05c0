package io.github.natsspring.bench.monitor;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.ThroughputScenario;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.server.ServerSecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class MonitoringAgainstNatsServerTests {

	@TempDir
	Path logs;

	private ServerProcess server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void thePollerReadsVarzAndConnzOnTheMonitoringPortTheServerLogged() throws Exception {
		startServer(ServerSecurity.MONITORED);

		try (MonitoringPoller poller = MonitoringPoller.start(this.server, Duration.ofMillis(10))) {
			await().atMost(Duration.ofSeconds(20)).until(() -> poller.polls() >= 3);
		}
	}

	@Test
	void aServerWithoutMonitoringIsRefusedByName() throws Exception {
		startServer(ServerSecurity.PLAINTEXT);

		assertThatIllegalStateException().isThrownBy(() -> MonitoringPoller.start(this.server, Duration.ofMillis(10)))
			.withMessageContaining("nats-server runs without HTTP monitoring");
	}

	@Test
	void aPolledLoadDeliversEveryMessage() throws Exception {
		startServer(ServerSecurity.MONITORED);
		MonitoredLoadScenario scenario = MonitoredLoadScenario.polled(new ThroughputScenario(ThroughputShape.pubSub(128),
				new RunLimits(50_000, Duration.ofSeconds(20))));

		Sample sample = scenario.run(this.server, Phase.MEASURED);

		assertThat(sample.lostMessages()).isZero();
		assertThat(sample.value(Metric.MESSAGES_PER_SECOND)).isPositive();
	}

	private void startServer(ServerSecurity security) throws Exception {
		ServerCommand command = ServerCommand.natsServer("nats-server", NatsServerAvailability.require())
			.configuredBy(security.configure(this.logs));
		this.server = ServerProcess.start(command, this.logs);
	}

}
