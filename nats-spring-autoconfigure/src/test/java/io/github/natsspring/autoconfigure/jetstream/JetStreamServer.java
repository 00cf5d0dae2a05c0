package io.github.natsspring.autoconfigure.jetstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.natsspring.autoconfigure.NatsServerProcess;

import org.springframework.util.FileSystemUtils;

/**
 * A nats-server with JetStream ({@code -js}) on a loopback port, storing in a temporary directory removed when it
 * stops.
 */
final class JetStreamServer implements AutoCloseable {

	private final Path storeDirectory;

	private final NatsServerProcess process;

	private JetStreamServer(Path storeDirectory, NatsServerProcess process) {
		this.storeDirectory = storeDirectory;
		this.process = process;
	}

	static JetStreamServer start() {
		return startOn(NatsServerProcess.freePort());
	}

	static JetStreamServer startOn(int port) {
		try {
			Path storeDirectory = Files.createTempDirectory("nats-js-");
			return new JetStreamServer(storeDirectory,
					NatsServerProcess.startOn(port, "-js", "-sd", storeDirectory.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String getUrl() {
		return this.process.getUrl();
	}

	@Override
	public void close() {
		this.process.close();
		try {
			FileSystemUtils.deleteRecursively(this.storeDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
