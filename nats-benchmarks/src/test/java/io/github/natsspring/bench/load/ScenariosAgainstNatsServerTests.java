package io.github.natsspring.bench.load;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

class ScenariosAgainstNatsServerTests {

	@TempDir
	Path logs;

	private ServerProcess server;

	@BeforeEach
	void startServer() {
		this.server = ServerProcess.start(ServerCommand.natsServer("nats-server", NatsServerAvailability.require()),
				this.logs);
	}

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void fanOutCountsEveryDeliveryAtEverySubscriber() throws Exception {
		ThroughputScenario scenario = new ThroughputScenario(ThroughputShape.fanOut(16, 3),
				new RunLimits(20_000, Duration.ofSeconds(20)));

		ThroughputResult result = scenario.measure(this.server, new RunLimits(20_000, Duration.ofSeconds(20)));

		assertThat(result.published()).isEqualTo(20_000);
		assertThat(result.delivered()).isEqualTo(60_000);
		assertThat(result.lost()).isZero();
	}

	@Test
	void queueGroupDeliversEachMessageOnce() throws Exception {
		ThroughputScenario scenario = new ThroughputScenario(ThroughputShape.queueGroup(16, 4),
				new RunLimits(20_000, Duration.ofSeconds(20)));

		ThroughputResult result = scenario.measure(this.server, new RunLimits(20_000, Duration.ofSeconds(20)));

		assertThat(result.delivered()).isEqualTo(20_000);
	}

	@Test
	void requestReplyRecordsLatencyPercentilesInOrder() throws Exception {
		RequestReplyScenario scenario = new RequestReplyScenario(16, new RunLimits(500, Duration.ofSeconds(20)));

		Sample sample = scenario.run(this.server, Phase.MEASURED);

		assertThat(sample.value(RequestReplyScenario.P50)).isPositive()
			.isLessThanOrEqualTo(sample.value(RequestReplyScenario.P99));
		assertThat(sample.value(RequestReplyScenario.P99)).isLessThanOrEqualTo(sample.value(RequestReplyScenario.P999));
		assertThat(sample.lostMessages()).isZero();
	}

	@Test
	void idleClientsAreAllAcceptedAndHeld() throws Exception {
		try (IdleClients clients = IdleClients.connect(this.server.address(), 300, 64, Duration.ofSeconds(20))) {
			assertThat(clients.accepted()).isEqualTo(300);
			assertThat(clients.failed()).isZero();
			assertThat(clients.held()).isEqualTo(300);
		}
	}

	@Test
	void idleClientsToAClosedPortAllFail() throws Exception {
		InetSocketAddress address = this.server.address();
		this.server.close();
		this.server = null;

		try (IdleClients clients = IdleClients.connect(address, 20, 8, Duration.ofSeconds(20))) {
			assertThat(clients.failed()).isEqualTo(20);
			assertThat(clients.accepted()).isZero();
		}
	}

}
