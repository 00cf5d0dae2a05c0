package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import io.github.natsspring.broker.config.ServerSettings;

/**
 * Routes {@code java.util.logging} (and so {@link System.Logger}) to nats-server-style log lines on
 * standard error or appended to a file, with debug and trace lines as {@code -D} and {@code -V} choose.
 */
final class ServerLogging {

	/** The parent of every logger of the broker. */
	static final String BROKER_LOGGER_NAME = "io.github.natsspring.broker";

	// java.util.logging holds loggers weakly: keep the configured one alive with its level.
	private static final Logger BROKER_LOGGER = Logger.getLogger(BROKER_LOGGER_NAME);

	private final LogLineHandler handler;

	private final Optional<Path> file;

	private ServerLogging(LogLineHandler handler, Optional<Path> file) {
		this.handler = handler;
		this.file = file;
	}

	/**
	 * Replaces the JVM's logging setup with one handler as the flags describe.
	 * @throws IOException if the log file cannot be opened for appending
	 */
	static ServerLogging install(ServerSettings settings) throws IOException {
		NatsLogFormatter formatter = new NatsLogFormatter(settings.logTime(), settings.debug() || settings.trace());
		Optional<Path> file = settings.logFile().isEmpty() ? Optional.empty() : Optional.of(Path.of(settings.logFile()));
		LogLineHandler handler = file.isPresent() ? LogLineHandler.owning(openForAppend(file.get()), formatter)
				: LogLineHandler.standardError(formatter);
		handler.setLevel(Level.ALL);
		handler.setFilter((record) -> LogLabel.of(record.getLevel()).isEnabled(settings.debug(), settings.trace()));
		LogManager.getLogManager().reset();
		Logger root = Logger.getLogger("");
		root.setLevel(Level.INFO);
		root.addHandler(handler);
		BROKER_LOGGER.setLevel((settings.debug() || settings.trace()) ? Level.ALL : Level.INFO);
		return new ServerLogging(handler, file);
	}

	/** Whether the log goes to a file, which {@link #reopenFile()} can reopen after rotation. */
	boolean isToFile() {
		return file.isPresent();
	}

	/**
	 * Continues the log in a freshly opened file at the same path, as after log rotation.
	 * @throws IOException if the file cannot be opened; the log then stays on the old file
	 */
	void reopenFile() throws IOException {
		if (file.isPresent()) {
			handler.switchTo(openForAppend(file.get()));
		}
	}

	// Same as nats-server: append, create with mode 0660.
	private static OutputStream openForAppend(Path path) throws IOException {
		Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw----"));
			return Channels.newOutputStream(Files.newByteChannel(path, options, mode));
		}
		return Files.newOutputStream(path, options.toArray(StandardOpenOption[]::new));
	}
}
