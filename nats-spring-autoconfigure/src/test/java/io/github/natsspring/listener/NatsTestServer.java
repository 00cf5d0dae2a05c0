package io.github.natsspring.listener;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * The NATS server a test class talks to over a real socket on a random loopback port. The system property
 * {@code nats.test.target} chooses it: {@code nats-server} (default) spawns the reference server, which
 * must be installed when {@code CI=true} and otherwise lets the tests skip; {@code embedded} starts this
 * project's {@link NatsBroker}.
 * <p>
 * Register it as a static {@code @RegisterExtension} field and read {@link #url()} once the class started.
 * The server stops when the test class's extension context closes, after every {@code afterAll} callback,
 * so a Spring context closed by the Spring extension still drains against a live server.
 */
public final class NatsTestServer implements BeforeAllCallback {

	private static final Pattern LISTENING = Pattern.compile("Listening for client connections on [^\\s]+:(\\d+)");

	private Process process;

	private Path log;

	private NatsBroker broker;

	private String url;

	/**
	 * The client URL of the running server.
	 * @return e.g. {@code nats://127.0.0.1:40123}
	 */
	public String url() {
		if (this.url == null) {
			throw new IllegalStateException("The NATS test server is not running");
		}
		return this.url;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		AutoCloseable stopper = this::stop;
		context.getStore(ExtensionContext.Namespace.create(NatsTestServer.class)).put("server", stopper);
		if ("embedded".equals(System.getProperty("nats.test.target"))) {
			this.broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort());
			this.broker.start();
			this.url = this.broker.getClientUrl();
		}
		else {
			startNatsServer();
		}
	}

	private void startNatsServer() throws IOException {
		Optional<Path> executable = findNatsServer();
		if (executable.isEmpty()) {
			String reason = "nats-server is neither at /usr/sbin/nats-server nor on the PATH";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason);
			}
			Assumptions.abort(reason);
		}
		this.log = Files.createTempFile("nats-server", ".log");
		// -p -1 makes nats-server choose a free port; -p 0 would mean its default, 4222
		this.process = new ProcessBuilder(executable.get().toString(), "-a", "127.0.0.1", "-p", "-1")
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
		int port = await().atMost(Duration.ofSeconds(10)).until(this::boundPort, (bound) -> bound > 0);
		this.url = "nats://127.0.0.1:" + port;
	}

	private int boundPort() throws IOException {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("nats-server exited: " + Files.readString(this.log));
		}
		Matcher matcher = LISTENING.matcher(Files.readString(this.log));
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	private static Optional<Path> findNatsServer() {
		Path debian = Path.of("/usr/sbin/nats-server");
		if (Files.isExecutable(debian)) {
			return Optional.of(debian);
		}
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((dir) -> Path.of(dir, "nats-server"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private void stop() throws Exception {
		if (this.broker != null) {
			this.broker.close();
		}
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			Files.deleteIfExists(this.log);
		}
		this.url = null;
	}
}
