package io.github.natsspring.broker.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The nats.js harness in {@code interop/natsjs/}: {@code node run.js <scenario>} with its dependencies installed
 * by {@code npm ci}. Without node or the installed packages the tests are skipped on a developer machine but
 * fail on CI, whose {@code .ci/run} installs both.
 */
final class NatsJsHarness {

	/** System property naming the harness directory; surefire sets it, the fallback suits a run from the module. */
	static final String DIRECTORY_PROPERTY = "natsjs.harness";

	/** Slack over the scenario's own timeout before the process is killed: node's start-up and exit. */
	private static final Duration PROCESS_SLACK = Duration.ofSeconds(5);

	private final Path node;

	private final Path directory;

	private NatsJsHarness(Path node, Path directory) {
		this.node = node;
		this.directory = directory;
	}

	/** The harness; aborts the test when node or the harness's packages are missing, or fails it when {@code CI=true}. */
	static NatsJsHarness require() {
		Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, "../interop/natsjs")).toAbsolutePath().normalize();
		Optional<Path> node = onPath("node");
		String missing = null;
		if (node.isEmpty()) {
			missing = "node is not installed (looked on PATH)";
		}
		else if (!Files.isRegularFile(directory.resolve("node_modules/nats/package.json"))) {
			missing = "the nats.js harness's packages are not installed in " + directory;
		}
		if (missing == null) {
			return new NatsJsHarness(node.get(), directory);
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError(missing + "; CI must install them (apt-get install -y nodejs npm, then npm ci in "
					+ directory + ")");
		}
		return Assumptions.abort(missing + "; run npm ci in " + directory);
	}

	/** A run of the named scenario, to be given its options. */
	NatsJsScenario scenario(String name) {
		return new NatsJsScenario(this, name);
	}

	/** Runs {@code node run.js} with these arguments and environment, bounded by the scenario's timeout. */
	NatsJsResult run(List<String> arguments, Map<String, String> environment, Duration timeout)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(node.toString(), "run.js"));
		command.addAll(arguments);
		command.addAll(List.of("--timeout-ms", Long.toString(timeout.toMillis())));
		Path stdout = Files.createTempFile("natsjs", ".out");
		Path stderr = Files.createTempFile("natsjs", ".err");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile());
			builder.environment().keySet().removeIf(name -> name.startsWith("NATSJS_"));
			builder.environment().putAll(environment);
			Process process = builder.start();
			try {
				process.getOutputStream().close();
				if (!process.waitFor(timeout.plus(PROCESS_SLACK).toMillis(), TimeUnit.MILLISECONDS)) {
					throw new AssertionError("node " + String.join(" ", arguments) + " did not exit; stderr:\n"
							+ Files.readString(stderr, StandardCharsets.UTF_8));
				}
			}
			finally {
				if (process.isAlive()) {
					process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
			return NatsJsResult.parse(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
					Files.readString(stderr, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(stdout);
			Files.deleteIfExists(stderr);
		}
	}

	private static Optional<Path> onPath(String executable) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isEmpty())
			.map(dir -> Path.of(dir, executable))
			.filter(Files::isExecutable)
			.findFirst();
	}
}
