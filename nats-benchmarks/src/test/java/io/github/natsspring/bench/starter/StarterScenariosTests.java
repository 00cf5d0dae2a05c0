package io.github.natsspring.bench.starter;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveTracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

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

	@ParameterizedTest
	@EnumSource(names = { "METERS", "TRACING" })
	void theObservedApplicationTimesEveryPublishAndEveryReceive(StarterObservation observation) throws Exception {
		try (StarterSession observed = new StarterSession(observation)) {
			observed.start(this.server.url());
			MeterRegistry meters = observed.context().bean(MeterRegistry.class);

			PublishCostScenario.natsTemplate(observed, 128, SMALL).run(this.server, Phase.MEASURED);
			Sample received = ReceiveCostScenario.natsListener(observed, 128, SMALL).run(this.server, Phase.MEASURED);

			assertThat(received.lostMessages()).isZero();
			assertThat(meters.get("nats.template").timer().count()).isEqualTo(SMALL.messages());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(meters.get("nats.listener").timer().count()).isEqualTo(SMALL.messages()));
		}
	}

	@Test
	void theTracedApplicationTracesWithBrave() {
		try (StarterSession traced = new StarterSession(StarterObservation.TRACING)) {
			traced.start(this.server.url());

			assertThat(traced.context().bean(Tracer.class)).isInstanceOf(BraveTracer.class);
		}
	}

	@Test
	void theDefaultApplicationHasNoObservationRegistry() {
		assertThat(this.session.observation()).isEqualTo(StarterObservation.OFF);
		assertThatExceptionOfType(NoSuchBeanDefinitionException.class)
			.isThrownBy(() -> this.session.context().bean(ObservationRegistry.class));
	}

	@Test
	void templatePublishesAtAPositiveRate() throws Exception {
		Sample sample = PublishCostScenario.natsTemplate(this.session, 128, SMALL).run(this.server, Phase.MEASURED);

		assertThat(sample.value(Metric.MESSAGES_PER_SECOND)).isPositive();
	}

}
