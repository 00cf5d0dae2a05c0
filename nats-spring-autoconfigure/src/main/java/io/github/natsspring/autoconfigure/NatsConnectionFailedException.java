package io.github.natsspring.autoconfigure;

import java.util.List;

/**
 * Thrown at startup when {@code nats.fail-fast} is set and no configured server accepts the connection.
 */
public class NatsConnectionFailedException extends RuntimeException {

	private final List<String> servers;

	/**
	 * Creates the exception.
	 * @param servers the URLs that were tried
	 * @param cause why connecting failed
	 */
	public NatsConnectionFailedException(List<String> servers, Throwable cause) {
		super("Could not connect to NATS at " + servers + ": " + cause.getMessage(), cause);
		this.servers = List.copyOf(servers);
	}

	/** The URLs that were tried. */
	public List<String> getServers() {
		return this.servers;
	}
}
