package io.github.natsspring.bench.jetstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerProcess;

/**
 * The server one side of the JetStream comparison runs on: started with nats-server's JetStream flags,
 * {@code -js -sd <store directory>}, once for all its rows. The store directory lies under a parent shared by both
 * sides, so that both servers write to the same file system.
 */
public final class JetStreamSession implements AutoCloseable {

	private ServerProcess server;

	private Path storeDirectory;

	/**
	 * Starts the server with JetStream, replacing one still running.
	 * @param command the server to start, without a configuration file
	 * @param storeParent the directory both sides' store directories go under
	 * @param logDirectory where the server's output goes
	 * @throws IllegalStateException when the server does not start with the JetStream flags
	 */
	public void start(ServerCommand command, Path storeParent, Path logDirectory) {
		close();
		Path store = storeParent.resolve(command.label().replaceAll("[^A-Za-z0-9.-]", "_"));
		ServerCommand withJetStream = command.withArguments(command.label() + " JetStream",
				List.of("-js", "-sd", store.toString()));
		try {
			Files.createDirectories(store);
			this.storeDirectory = store;
			this.server = ServerProcess.start(withJetStream, logDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the store directory " + store, ex);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(command.label() + " did not start with nats-server's JetStream flags ("
					+ String.join(" ", withJetStream.command()) + "); a server without JetStream rejects them: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the running server.
	 * @return the server
	 * @throws IllegalStateException when it has not been started
	 */
	public ServerProcess server() {
		if (this.server == null) {
			throw new IllegalStateException("The JetStream server is not running");
		}
		return this.server;
	}

	/**
	 * Returns the directory the server was given with {@code -sd}.
	 * @return the store directory
	 * @throws IllegalStateException when the server has not been started
	 */
	public Path storeDirectory() {
		server();
		return this.storeDirectory;
	}

	/** Stops the server, if running, and deletes its store directory. */
	@Override
	public void close() {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
		if (this.storeDirectory != null) {
			deleteRecursively(this.storeDirectory);
			this.storeDirectory = null;
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the store directory " + directory, ex);
		}
	}

}
