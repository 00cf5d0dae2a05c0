package io.github.natsspring.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * Thrown at startup when the embedded broker's configuration file, {@code nats.embedded.config-file}, does not
 * exist, cannot be read or parsed, or holds errors.
 */
public class NatsEmbeddedConfigFileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Resource resource;

	private final transient @Nullable Path file;

	private final Problem problem;

	private final List<String> errors;

	private NatsEmbeddedConfigFileException(Resource resource, @Nullable Path file, Problem problem,
			List<String> errors, @Nullable Throwable cause) {
		super("Cannot start the embedded NATS broker from nats.embedded.config-file " + resource + ": "
				+ String.join("; ", errors), cause);
		this.resource = resource;
		this.file = file;
		this.problem = problem;
		this.errors = List.copyOf(errors);
	}

	/**
	 * The file does not exist.
	 * @param resource the property's value
	 * @return the exception
	 */
	static NatsEmbeddedConfigFileException notFound(Resource resource) {
		return new NatsEmbeddedConfigFileException(resource, null, Problem.NOT_FOUND,
				List.of(resource + " does not exist"), null);
	}

	/**
	 * The file cannot be read or parsed.
	 * @param resource the property's value
	 * @param file the file read, if it got that far
	 * @param cause what went wrong, with nats-server's message where nats-server has one
	 * @return the exception
	 */
	static NatsEmbeddedConfigFileException unreadable(Resource resource, @Nullable Path file, Throwable cause) {
		return new NatsEmbeddedConfigFileException(resource, file, Problem.UNREADABLE, List.of(cause.getMessage()),
				cause);
	}

	/**
	 * The file parses but holds errors.
	 * @param resource the property's value
	 * @param file the file read
	 * @param errors the errors, each {@code file:line:column: reason} where the error has a place
	 * @param cause the broker's exception
	 * @return the exception
	 */
	static NatsEmbeddedConfigFileException invalid(Resource resource, Path file, List<String> errors,
			Throwable cause) {
		return new NatsEmbeddedConfigFileException(resource, file, Problem.INVALID, errors, cause);
	}

	/**
	 * The value of {@code nats.embedded.config-file}.
	 * @return the resource
	 */
	public Resource getResource() {
		return this.resource;
	}

	/**
	 * The file that was read: the resource's own file, or a copy of it when it is inside an archive.
	 * @return the path, or {@code null} when no file was found
	 */
	public @Nullable Path getFile() {
		return this.file;
	}

	/**
	 * What kind of problem stopped the broker.
	 * @return the problem
	 */
	public Problem getProblem() {
		return this.problem;
	}

	/**
	 * The errors, in the order the file gave them.
	 * @return the errors, e.g. {@code /app/nats.conf:3:2: unknown field "prot"}
	 */
	public List<String> getErrors() {
		return this.errors;
	}

	/**
	 * What kind of problem a configuration file has.
	 */
	public enum Problem {

		/** The resource does not exist. */
		NOT_FOUND,

		/** The file cannot be read or is not in nats-server's configuration syntax, or an include is missing. */
		UNREADABLE,

		/** The file parses but holds unknown keys, values of the wrong type or out of range. */
		INVALID

	}
}
