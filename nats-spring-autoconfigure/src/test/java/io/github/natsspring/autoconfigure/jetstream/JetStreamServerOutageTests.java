package io.github.natsspring.autoconfigure.jetstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.annotation.JetStreamListener;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsHealthContributorAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsServerProcess;
import io.github.natsspring.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsspring.jetstream.JetStreamNotAvailableException;
import io.github.natsspring.jetstream.JetStreamOperations;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpointRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with JetStream declarations and listeners starts while its remote server is down, reports DOWN,
 * and declares and listens once the server appears.
 */
@ExtendWith(OutputCaptureExtension.class)
class JetStreamServerOutageTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsHealthContributorAutoConfiguration.class, NatsListenerAutoConfiguration.class,
				JetStreamAutoConfiguration.class))
		.withUserConfiguration(OutageApplication.class);

	@Test
	void declarationsAndListenersWaitForTheServer(CapturedOutput output) {
		int port = NatsServerProcess.freePort();
		this.contextRunner.withPropertyValues(properties(port)).run((context) -> {
			assertThat(context).hasNotFailed();
			HealthIndicator health = context.getBean("natsHealthIndicator", HealthIndicator.class);
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(context.getBean(JetStreamListenerEndpointRegistry.class).getListenerContainer("outage")
				.isRunning()).isFalse();
			assertThat(output).contains("the JetStream streams and key-value buckets declared are created or updated"
					+ " once it connects")
				.contains("The JetStream listeners start once the NATS connection connects and the declarations have run");
			try (JetStreamServer server = JetStreamServer.startOn(port);
					Connection probe = Nats.connect(server.getUrl())) {
				JetStreamManagement management = probe.jetStreamManagement();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> management.getStreamNames().contains("OUTAGE") && context
						.getBean(JetStreamListenerEndpointRegistry.class)
						.getListenerContainer("outage")
						.isRunning());
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				context.getBean(JetStreamOperations.class).publish("outage.one", "back");
				OutageListener listener = context.getBean(OutageListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.contains("back"));
			}
		});
	}

	@Test
	void aServerWithoutJetStreamIsReportedOnceConnected(CapturedOutput output) {
		int port = NatsServerProcess.freePort();
		this.contextRunner.withPropertyValues(properties(port)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("does not have JetStream enabled");
			try (NatsServerProcess server = NatsServerProcess.startOn(port)) {
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.toString().contains("does not have JetStream enabled"));
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("UNDEFINED");
			}
		});
	}

	@Test
	void failFastStillFailsWhileTheServerIsDown() {
		int port = NatsServerProcess.freePort();
		this.contextRunner.withPropertyValues(properties(port)).withPropertyValues("nats.fail-fast=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isNotInstanceOf(JetStreamNotAvailableException.class));
	}

	private static String[] properties(int port) {
		return new String[] { "nats.servers=nats://127.0.0.1:" + port, "nats.reconnect-wait=100ms",
				"nats.connection-timeout=500ms" };
	}

	@Configuration(proxyBeanMethods = false)
	static class OutageApplication {

		@Bean
		StreamConfiguration outageStream() {
			return StreamConfiguration.builder()
				.name("OUTAGE")
				.subjects("outage.>")
				.storageType(StorageType.Memory)
				.build();
		}

		@Bean
		OutageListener outageListener() {
			return new OutageListener();
		}
	}

	static class OutageListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@JetStreamListener(id = "outage", stream = "OUTAGE", durable = "outage")
		void receive(String body) {
			this.received.add(body);
		}
	}
}
