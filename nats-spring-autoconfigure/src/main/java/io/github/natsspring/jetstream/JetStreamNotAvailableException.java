package io.github.natsspring.jetstream;

/**
 * Thrown when JetStream is needed but the connection's server does not offer it, or the connection has not
 * reached a server yet, so that it is not known whether it does.
 */
public class JetStreamNotAvailableException extends IllegalStateException {

	private final boolean connected;

	/**
	 * Creates an exception.
	 * @param message the message
	 * @param connected whether the connection had reached a server
	 */
	public JetStreamNotAvailableException(String message, boolean connected) {
		super(message);
		this.connected = connected;
	}

	/**
	 * Whether the connection had reached a server, which then has no JetStream.
	 * @return {@code false} when the server was not reached yet
	 */
	public boolean isConnected() {
		return this.connected;
	}
}
