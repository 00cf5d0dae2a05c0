package io.github.natsspring.autoconfigure.jetstream;

import java.util.List;

import io.github.natsspring.autoconfigure.NatsServerProcess;
import io.github.natsspring.jetstream.JetStreamDeclarationException;
import io.github.natsspring.jetstream.JetStreamNotAvailableException;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * Declared streams and buckets across application starts against nats-server -js: created, updated when the
 * declaration changes, refused with the server's reason; and a server without JetStream.
 */
class JetStreamDeclarationScenarioTests {

	private static JetStreamServer server;

	@BeforeAll
	static void startServer() {
		server = JetStreamServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void declaredStreamAndBucketAreUpdatedWhenTheirDeclarationChanges() throws Exception {
		run(server.getUrl(), "--evolving.max-messages=10", "--evolving.history=2").close();
		try (ConfigurableApplicationContext context = run(server.getUrl(), "--evolving.max-messages=20",
				"--evolving.history=4")) {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			assertThat(management.getStreamInfo("EVOLVING").getConfiguration().getMaxMsgs()).isEqualTo(20);
			assertThat(management.keyValueManagement().getStatus("evolving").getMaxHistoryPerKey()).isEqualTo(4);
		}
	}

	@Test
	void unchangedDeclarationKeepsTheStreamAsItIs() throws Exception {
		run(server.getUrl(), "--evolving.max-messages=30", "--evolving.history=3").close();
		try (Connection connection = Nats.connect(server.getUrl())) {
			JetStreamManagement management = connection.jetStreamManagement();
			management.purgeStream("EVOLVING");
			long firstSequence = management.getStreamInfo("EVOLVING").getStreamState().getFirstSequence();
			run(server.getUrl(), "--evolving.max-messages=30", "--evolving.history=3").close();
			assertThat(management.getStreamInfo("EVOLVING").getStreamState().getFirstSequence())
				.isEqualTo(firstSequence);
			assertThat(management.getStreamInfo("EVOLVING").getConfiguration().getMaxMsgs()).isEqualTo(30);
		}
	}

	@Test
	void streamTheServerRefusesFailsStartupNamingItAndTheServersError() throws Exception {
		try (Connection connection = Nats.connect(server.getUrl())) {
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder().name("FIRST").subjects("clash.>").build());
		}
		Throwable failure = catchThrowable(() -> run(server.getUrl(), "--evolving.name=CLASHING", "--evolving.subject=clash.>").close());
		JetStreamDeclarationException declaration = cause(failure, JetStreamDeclarationException.class);
		assertThat(declaration.getName()).isEqualTo("CLASHING");
		assertThat(declaration.getApiErrorCode()).isEqualTo(10065);
		FailureAnalysis analysis = new JetStreamDeclarationFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("JetStream stream 'CLASHING' could not be created:"
				+ " subjects overlap with an existing stream (err_code 10065).");
		assertThat(analysis.getAction()).contains("Another stream on the server already captures");
	}

	@Test
	void declarationsOnAServerWithoutJetStreamFailStartup() {
		try (NatsServerProcess plain = NatsServerProcess.start()) {
			Throwable failure = catchThrowable(() -> run(plain.getUrl()).close());
			assertThat(cause(failure, JetStreamNotAvailableException.class).isConnected()).isTrue();
			FailureAnalysis analysis = new JetStreamNotAvailableFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("does not have JetStream enabled");
			assertThat(analysis.getAction()).contains("nats.embedded.jetstream.enabled=true", "-js");
		}
	}

	@Test
	void applicationWithoutDeclarationsRunsOnAServerWithoutJetStream() {
		try (NatsServerProcess plain = NatsServerProcess.start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainApplication.class)
					.web(WebApplicationType.NONE)
					.run("--nats.servers=" + plain.getUrl())) {
			assertThat(context.getBean("natsHealthIndicator", HealthIndicator.class).health().getDetails())
				.containsEntry("jetStream", java.util.Map.of("enabled", false));
		}
	}

	private static ConfigurableApplicationContext run(String url, String... arguments) {
		List<String> all = new java.util.ArrayList<>(List.of(arguments));
		all.add("--nats.servers=" + url);
		return new SpringApplicationBuilder(DeclaringApplication.class).web(WebApplicationType.NONE)
			.run(all.toArray(String[]::new));
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return fail("no " + type.getSimpleName() + " caused " + failure, failure);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DeclaringApplication {

		@Bean
		StreamConfiguration evolvingStream(@Value("${evolving.name:EVOLVING}") String name,
				@Value("${evolving.max-messages:-1}") long maxMessages,
				@Value("${evolving.subject:evolving.>}") String subject) {
			return StreamConfiguration.builder()
				.name(name)
				.subjects(subject)
				.storageType(StorageType.File)
				.maxMessages(maxMessages)
				.build();
		}

		@Bean
		KeyValueConfiguration evolvingBucket(@Value("${evolving.history:1}") int history) {
			return KeyValueConfiguration.builder().name("evolving").maxHistoryPerKey(history).build();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PlainApplication {

	}
}
