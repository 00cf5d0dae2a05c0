package io.github.natsspring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.UrlResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A configuration file that cannot be used stops the application with a description naming the property, the file
 * and each error, and an action saying how to fix it.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsEmbeddedConfigFileFailureAnalyzerTests {

	private final NatsEmbeddedConfigFileFailureAnalyzer analyzer = new NatsEmbeddedConfigFileFailureAnalyzer();

	@Test
	void anInvalidFileIsDescribedWithThePropertyTheFileAndEveryError() {
		Path file = Path.of("/app/nats.conf");
		FailureAnalysis analysis = analyze(NatsEmbeddedConfigFileException.invalid(new FileSystemResource(file), file,
				List.of("/app/nats.conf:1:0: unknown field \"prot\"",
						"/app/nats.conf:3:1: field \"accounts\" is not supported by this broker"),
				new IllegalStateException()));
		assertThat(analysis.getDescription()).isEqualTo("The embedded NATS broker could not start from its"
				+ " configuration file, nats.embedded.config-file: file [/app/nats.conf] has errors:\n\n"
				+ "    /app/nats.conf:1:0: unknown field \"prot\"\n"
				+ "    /app/nats.conf:3:1: field \"accounts\" is not supported by this broker");
		assertThat(analysis.getAction()).startsWith("Correct the lines named.")
			.contains("(gateway, leafnodes, accounts, websocket, mqtt, ...) are errors")
			.doesNotContain("jetstream")
			.doesNotContain("cluster")
			.contains("remove nats.embedded.config-file");
	}

	@Test
	void aMissingFileIsDescribedWithWhereFilesAreLookedFor() {
		FailureAnalysis analysis = analyze(
				NatsEmbeddedConfigFileException.notFound(new FileSystemResource("/app/absent.conf")));
		assertThat(analysis.getDescription()).isEqualTo("The embedded NATS broker could not start from its"
				+ " configuration file, nats.embedded.config-file: file [/app/absent.conf] does not exist.");
		assertThat(analysis.getAction()).startsWith("Create the file")
			.contains("file:path/nats.conf on the file system")
			.contains("a path without a prefix is looked up on the class path");
	}

	@Test
	void aFileInsideAnArchiveIsDescribedWithItsCopyAndWhyItCannotInclude() throws Exception {
		Path copy = Path.of("/tmp/nats-config-file1/nats.conf");
		FailureAnalysis analysis = analyze(NatsEmbeddedConfigFileException.unreadable(
				new UrlResource("jar:file:/app/app.jar!/nats.conf"), copy, new IllegalStateException(
						"error parsing include file 'tls.conf', open /tmp/nats-config-file1/tls.conf: no such file or"
								+ " directory")));
		assertThat(analysis.getDescription()).contains("URL [jar:file:/app/app.jar!/nats.conf], read from a copy at "
				+ copy + " cannot be read:\n\n    error parsing include file 'tls.conf'");
		assertThat(analysis.getAction()).contains("nothing it includes can be found")
			.contains("nats.embedded.config-file=file:path/nats.conf");
	}

	@Test
	void aFileWithErrorsStopsTheApplicationWithEachErrorInTheLog(CapturedOutput output, @TempDir Path directory)
			throws Exception {
		Path file = Files.writeString(directory.resolve("nats.conf"), """
				port: -1
				prot: 4222
				max_payload: "big"
				""");
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--nats.embedded.config-file=file:" + file));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("could not start from its configuration file, nats.embedded.config-file: URL [file:" + file
					+ "] has errors:")
			.contains("    " + file + ":2:1: unknown field \"prot\"\n")
			.contains("    " + file + ":3:1: interface conversion: interface {} is string, not int64\n")
			.contains("Correct the lines named.");
	}

	private FailureAnalysis analyze(NatsEmbeddedConfigFileException failure) {
		return this.analyzer.analyze(new IllegalStateException("wrapped", failure));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EmptyApplication {
	}
}
