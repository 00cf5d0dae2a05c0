package io.github.natsspring.broker.interop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the reference nats-server executable. Without it, a scenario is skipped on a developer machine but
 * fails on CI, where the reference server is part of the environment.
 */
public final class NatsServerBinary {

	private static final Path DEBIAN_LOCATION = Path.of("/usr/sbin/nats-server");

	private NatsServerBinary() {
	}

	/** The nats-server executable; aborts the test when missing, or fails it when {@code CI=true}. */
	public static Path require() {
		Optional<Path> binary = find();
		if (binary.isPresent()) {
			return binary.get();
		}
		String reason = "nats-server is not installed (looked at " + DEBIAN_LOCATION + " and on PATH)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError(reason + "; CI must install it (apt-get install -y nats-server)");
		}
		return Assumptions.abort(reason);
	}

	private static Optional<Path> find() {
		Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isEmpty())
			.map(dir -> Path.of(dir, "nats-server"));
		return Stream.concat(Stream.of(DEBIAN_LOCATION), onPath).filter(Files::isExecutable).findFirst();
	}
}
