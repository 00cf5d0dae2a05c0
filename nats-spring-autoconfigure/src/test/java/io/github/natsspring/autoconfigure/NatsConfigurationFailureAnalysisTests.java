package io.github.natsspring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Configuration errors stop a real application with Spring Boot's failure analysis: the property, where it was
 * set, what is wrong and what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsConfigurationFailureAnalysisTests {

	@Test
	void aMissingEmbeddedSslBundleIsExplainedInTheLog(CapturedOutput output) {
		run("--nats.embedded.port=0", "--nats.embedded.ssl.bundle=nope");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'nope' for configuration property 'nats.embedded.ssl.bundle'")
			.contains("No SSL bundle named 'nope' exists. No SSL bundle is configured.")
			.contains("Define it under spring.ssl.bundle.jks.nope.* or spring.ssl.bundle.pem.nope.*");
	}

	@Test
	void aMissingSslBundleOfTheConnectionIsExplainedInTheLog(CapturedOutput output) {
		run("--nats.servers=nats://127.0.0.1:" + NatsServerProcess.freePort(), "--nats.ssl.bundle=nope");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'nope' for configuration property 'nats.ssl.bundle'")
			.contains("No SSL bundle named 'nope' exists.");
	}

	@Test
	void aUserWithoutPasswordIsExplainedWithWhereItWasSet(CapturedOutput output, @TempDir Path directory)
			throws Exception {
		Path file = Files.writeString(directory.resolve("application.properties"), """
				nats.embedded.port=0
				nats.embedded.users[0].username=orders
				""");
		run("--spring.config.location=file:" + file);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'orders' for configuration property 'nats.embedded.users[0].username'"
					+ " (originating from 'URL [file:" + file + "] - 2:33')")
			.contains("User 'orders' has no password. Set nats.embedded.users[0].password.");
	}

	@Test
	void aTokenWithUsersIsExplainedInTheLog(CapturedOutput output, @TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("application.properties"), """
				nats.embedded.port=0
				nats.embedded.token=t
				nats.embedded.users[0].username=orders
				nats.embedded.users[0].password=p
				""");
		run("--spring.config.location=file:" + file);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The following configuration properties are mutually exclusive:")
			.contains("\tnats.embedded.users\n")
			.contains("\tnats.embedded.users[0].username (originating from 'URL [file:" + file + "] - 3:33')");
	}

	@Test
	void aPortOutOfRangeIsExplainedInTheLog(CapturedOutput output) {
		run("--nats.embedded.port=70000");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '70000' for configuration property 'nats.embedded.port'")
			.contains("The port must be between 0 and 65535; 0 picks a free one, published as local.nats.port.");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(args));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EmptyApplication {
	}
}
