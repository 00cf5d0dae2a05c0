package io.github.natsspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.config.ConfigFileException;
import io.github.natsspring.broker.config.ConfigFileReader;
import io.github.natsspring.broker.config.ConfigSyntaxException;
import io.github.natsspring.broker.config.ServerSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;

/**
 * The embedded broker's nats-server configuration file, {@code nats.embedded.config-file}. A resource that is a file
 * is read where it is, so that its includes resolve against its directory, as in nats-server. A resource that is
 * not, such as a class path resource inside a jar, is read from a copy in a temporary directory, deleted once read:
 * it cannot include other files. Every failure is a {@link NatsEmbeddedConfigFileException}.
 */
final class NatsEmbeddedConfigFile {

	private static final Log logger = LogFactory.getLog(NatsEmbeddedConfigFile.class);

	private final Resource resource;

	NatsEmbeddedConfigFile(Resource resource) {
		this.resource = resource;
	}

	/**
	 * The broker options of the file laid over the given settings, with other settings laid over the file, and
	 * nats-server's defaults for what none of them sets. Warnings are logged.
	 * @param settings the settings the file is laid over
	 * @param overrides what is laid over the file
	 * @return the options
	 */
	NatsBrokerOptions toOptions(ServerSettings.Builder settings, Consumer<ServerSettings.Builder> overrides) {
		if (!this.resource.exists()) {
			throw NatsEmbeddedConfigFileException.notFound(this.resource);
		}
		if (this.resource.isFile()) {
			return toOptions(file(), settings, overrides);
		}
		Path copy = copy();
		try {
			return toOptions(copy, settings, overrides);
		}
		finally {
			delete(copy);
		}
	}

	private NatsBrokerOptions toOptions(Path file, ServerSettings.Builder settings,
			Consumer<ServerSettings.Builder> overrides) {
		List<String> warnings;
		try {
			warnings = ConfigFileReader.read(file.toString(), settings);
		}
		catch (ConfigSyntaxException ex) {
			throw NatsEmbeddedConfigFileException.unreadable(this.resource, file, ex);
		}
		catch (ConfigFileException ex) {
			ex.getWarnings().forEach(logger::warn);
			throw NatsEmbeddedConfigFileException.invalid(this.resource, file, ex.getErrors(), ex);
		}
		warnings.forEach(logger::warn);
		overrides.accept(settings);
		ServerSettings read = settings.build();
		warnIgnored(read);
		try {
			return read.toOptions();
		}
		catch (IllegalArgumentException ex) {
			throw NatsEmbeddedConfigFileException.invalid(this.resource, file, List.of(ex.getMessage()), ex);
		}
	}

	// what belongs to nats-server's process rather than to the broker; the application's logging has it
	private void warnIgnored(ServerSettings settings) {
		if (!settings.logFile().isEmpty()) {
			logger.warn("Ignoring logfile in " + this.resource + ": the embedded broker logs through the application");
		}
		if (!settings.pidFile().isEmpty()) {
			logger.warn("Ignoring pid_file in " + this.resource + ": the embedded broker has no process of its own");
		}
	}

	private Path file() {
		try {
			return this.resource.getFile().toPath().toAbsolutePath().normalize();
		}
		catch (IOException ex) {
			throw NatsEmbeddedConfigFileException.unreadable(this.resource, null, ex);
		}
	}

	private Path copy() {
		String name = (this.resource.getFilename() != null) ? this.resource.getFilename() : "nats.conf";
		Path copy = null;
		try (InputStream in = this.resource.getInputStream()) {
			copy = Files.createTempDirectory("nats-config-file").resolve(name);
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			return copy;
		}
		catch (IOException ex) {
			if (copy != null) {
				delete(copy);
			}
			throw NatsEmbeddedConfigFileException.unreadable(this.resource, copy, ex);
		}
	}

	private static void delete(Path copy) {
		try {
			Files.deleteIfExists(copy);
			Files.deleteIfExists(copy.getParent());
		}
		catch (IOException ex) {
			logger.debug("Could not delete the copy of the configuration file at " + copy, ex);
		}
	}
}
