package io.github.natsspring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A fail-fast connection failure stops the application with the analyzer's description and action.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsConnectionFailureAnalyzerTests {

	@Test
	void failFastStartupFailureIsExplainedInTheLog(CapturedOutput output) {
		String url = "nats://127.0.0.1:" + NatsServerProcess.freePort();
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--nats.servers=" + url, "--nats.fail-fast=true"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The application could not connect to NATS at [" + url + "] and nats.fail-fast is true")
			.contains("set nats.fail-fast=false");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EmptyApplication {
	}
}
