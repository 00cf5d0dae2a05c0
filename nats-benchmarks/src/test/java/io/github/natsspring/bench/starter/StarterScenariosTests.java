package io.github.natsspring.bench.starter;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

class StarterScenariosTests {

	private static final RunLimits SMALL = new RunLimits(20_000, Duration.ofSeconds(20));

	@TempDir
	Path logs;

	private ServerProcess server;

	private final StarterSession session = new StarterSession();

	@BeforeEach
	void startServerAndStarter() {
		this.server = ServerProcess.start(ServerCommand.natsServer("nats-server", NatsServerAvailability.require()),
				this.logs);
		this.session.start(this.server.url());
	}

	@AfterEach
	void stop() {
		this.session.close();
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void listenerReceivesEveryMessageAndReportsItsCpu() throws Exception {
		Sample sample = ReceiveCostScenario.natsListener(this.session, 128, SMALL).run(this.server, Phase.MEASURED);

		assertThat(sample.lostMessages()).isZero();
		assertThat(sample.value(ReceiveCostScenario.CLIENT_CPU_PER_MESSAGE)).isFinite();
	}

	@Test
	void rawDispatcherReceivesEveryMessageTwiceInARow() throws Exception {
		ReceiveCostScenario scenario = ReceiveCostScenario.rawDispatcher(this.session, 128, SMALL);

		assertThat(scenario.run(this.server, Phase.MEASURED).lostMessages()).isZero();
		assertThat(scenario.run(this.server, Phase.MEASURED).lostMessages()).isZero();
	}

	@Test
	void templatePublishesAtAPositiveRate() throws Exception {
		Sample sample = PublishCostScenario.natsTemplate(this.session, 128, SMALL).run(this.server, Phase.MEASURED);

		assertThat(sample.value(Metric.MESSAGES_PER_SECOND)).isPositive();
	}

}
