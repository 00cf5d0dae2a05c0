package io.github.natsspring.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Locates the reference nats-server: tests that need it fail when it is missing on CI and are skipped elsewhere.
 */
public final class NatsServerAvailability {

	private NatsServerAvailability() {
	}

	/**
	 * Returns the nats-server binary, failing on CI and skipping elsewhere when there is none.
	 * @return the binary
	 */
	public static Path require() {
		Optional<Path> found = Stream
			.concat(Stream.of("/usr/sbin"), Stream.of(System.getenv().getOrDefault("PATH", "").split(":")))
			.filter((directory) -> !directory.isEmpty())
			.map((directory) -> Path.of(directory, "nats-server"))
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
			fail("nats-server is required on CI but was found neither at /usr/sbin/nats-server nor on PATH");
		}
		Assumptions.assumeTrue(found.isPresent(), "nats-server not installed");
		return found.get();
	}

}
