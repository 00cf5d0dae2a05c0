package io.github.natsspring.jetstream;

import io.nats.client.JetStreamApiException;

/**
 * Thrown when a declared stream or key-value bucket cannot be created or updated; names it and carries the
 * server's error.
 */
public class JetStreamDeclarationException extends NatsJetStreamException {

	private final String kind;

	private final String name;

	/**
	 * Creates an exception for an error the server answered with.
	 * @param kind what was declared: {@code "stream"} or {@code "key-value bucket"}
	 * @param name the stream or bucket name
	 * @param action what was attempted: {@code "created"} or {@code "updated"}
	 * @param cause the server's error
	 */
	public JetStreamDeclarationException(String kind, String name, String action, JetStreamApiException cause) {
		super("JetStream " + kind + " '" + name + "' could not be " + action, cause);
		this.kind = kind;
		this.name = name;
	}

	/**
	 * Creates an exception for a failure without an answer of the server.
	 * @param kind what was declared: {@code "stream"} or {@code "key-value bucket"}
	 * @param name the stream or bucket name
	 * @param action what was attempted
	 * @param cause the failure
	 */
	public JetStreamDeclarationException(String kind, String name, String action, Exception cause) {
		super("JetStream " + kind + " '" + name + "' could not be " + action + ": " + cause.getMessage(), cause);
		this.kind = kind;
		this.name = name;
	}

	/**
	 * What was declared.
	 * @return {@code "stream"} or {@code "key-value bucket"}
	 */
	public String getKind() {
		return this.kind;
	}

	/**
	 * The name of the stream or bucket.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}
}
