package io.github.natsspring.autoconfigure;

import java.nio.file.Path;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.Resource;

/**
 * Explains a {@link NatsEmbeddedConfigFileException}: the property, the file, each of its errors, and the way out.
 */
class NatsEmbeddedConfigFileFailureAnalyzer extends AbstractFailureAnalyzer<NatsEmbeddedConfigFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsEmbeddedConfigFileException cause) {
		return new FailureAnalysis(description(cause), action(cause), cause);
	}

	private static String description(NatsEmbeddedConfigFileException cause) {
		StringBuilder description = new StringBuilder("The embedded NATS broker could not start from its")
			.append(" configuration file, nats.embedded.config-file: ")
			.append(cause.getResource());
		Path file = cause.getFile();
		if (file != null && !cause.getResource().isFile()) {
			description.append(", read from a copy at ").append(file);
		}
		description.append(switch (cause.getProblem()) {
			case NOT_FOUND -> " does not exist.";
			case UNREADABLE -> " cannot be read:\n";
			case INVALID -> (cause.getErrors().size() == 1) ? " has an error:\n" : " has errors:\n";
		});
		if (cause.getProblem() != NatsEmbeddedConfigFileException.Problem.NOT_FOUND) {
			cause.getErrors().forEach((error) -> description.append("\n    ").append(error));
		}
		return description.toString();
	}

	private static String action(NatsEmbeddedConfigFileException cause) {
		Resource resource = cause.getResource();
		return switch (cause.getProblem()) {
			case NOT_FOUND -> "Create the file, or set nats.embedded.config-file to an existing one:"
					+ " file:path/nats.conf on the file system (relative to the working directory),"
					+ " classpath:nats.conf on the class path; a path without a prefix is looked up on the class"
					+ " path. To configure the embedded broker with nats.embedded.* properties only, remove"
					+ " nats.embedded.config-file.";
			case UNREADABLE -> "Correct the file: it takes nats-server's configuration syntax, and includes are read"
					+ " relative to its directory." + (resource.isFile() ? ""
							: " This file is inside an archive and is read from a copy, so nothing it includes can be"
									+ " found: put the files on the file system and set"
									+ " nats.embedded.config-file=file:path/nats.conf.");
			case INVALID -> "Correct the lines named. The file takes nats-server 2.9.10's keys; those of features"
					+ " this broker does not have (gateway, leafnodes, accounts, websocket, mqtt, ...) are errors rather"
					+ " than ignored. To configure the embedded broker with nats.embedded.* properties only, remove"
					+ " nats.embedded.config-file.";
		};
	}
}
