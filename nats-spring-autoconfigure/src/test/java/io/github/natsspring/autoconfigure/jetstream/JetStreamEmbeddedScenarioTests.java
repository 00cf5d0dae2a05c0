package io.github.natsspring.autoconfigure.jetstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.natsspring.broker.NatsBroker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JetStream scenarios against the embedded broker with {@code nats.embedded.jetstream.enabled=true}.
 */
@SpringBootTest(classes = JetStreamScenarioApplication.class,
		properties = { "nats.jetstream.listener.batch-size=1", "nats.embedded.port=0",
				"nats.embedded.jetstream.enabled=true", "nats.embedded.jetstream.max-file-store=64MB" })
class JetStreamEmbeddedScenarioTests extends JetStreamScenarioTests {

	private static Path storeDirectory;

	@Autowired
	NatsBroker broker;

	@DynamicPropertySource
	static void storeDirectory(DynamicPropertyRegistry registry) {
		registry.add("nats.embedded.jetstream.store-dir", () -> {
			if (storeDirectory == null) {
				try {
					// under the build directory: the cached context outlives the class, so nothing deletes it early
					storeDirectory = Files.createDirectories(Path.of("target")).resolve("jetstream-" + System.nanoTime());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return storeDirectory.toString();
		});
	}

	@Test
	void brokerRunsJetStreamInTheConfiguredDirectory() {
		assertThat(this.broker.getOptions().jetStream().storeDirectory()).isEqualTo(storeDirectory);
		assertThat(this.broker.getOptions().jetStream().maxFileStore()).isEqualTo(64L * 1024 * 1024);
		assertThat(storeDirectory.resolve("jetstream")).isDirectory();
	}
}
