package io.github.natsspring.broker.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real nats-server, started on a random loopback port for differential tests. Missing binary:
 * the test is skipped, or fails when {@code CI=true}.
 */
final class ReferenceNatsServer implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("Listening for client connections on 127\\.0\\.0\\.1:(\\d+)");

	private final Process process;

	private final int port;

	private ReferenceNatsServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ReferenceNatsServer start() throws IOException, InterruptedException {
		String binary = locate();
		if (binary == null) {
			if ("true".equals(System.getenv("CI"))) {
				fail("nats-server is required in CI (/usr/sbin/nats-server or on PATH)");
			}
			Assumptions.abort("nats-server not installed");
		}
		Process process = new ProcessBuilder(binary, "-a", "127.0.0.1", "-p", "-1").redirectErrorStream(true).start();
		CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(process));
		try {
			return new ReferenceNatsServer(process, port.get(20, TimeUnit.SECONDS));
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw new IllegalStateException("nats-server did not start", ex);
		}
	}

	private static int readPort(Process process) {
		BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = log.readLine()) != null) {
				Matcher matcher = LISTENING.matcher(line);
				if (matcher.find()) {
					int port = Integer.parseInt(matcher.group(1));
					// Keep draining the log so the server never blocks on a full pipe.
					Thread drain = new Thread(() -> drain(log), "nats-server-log");
					drain.setDaemon(true);
					drain.start();
					return port;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("nats-server exited before listening");
	}

	private static void drain(BufferedReader log) {
		try {
			while (log.readLine() != null) {
				// Discard: only the listening line matters.
			}
		}
		catch (IOException ex) {
			// The server stopped and its pipe closed.
		}
	}

	private static String locate() {
		if (Files.isExecutable(Path.of("/usr/sbin/nats-server"))) {
			return "/usr/sbin/nats-server";
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				Path candidate = Path.of(dir, "nats-server");
				if (Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		return null;
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}
}
