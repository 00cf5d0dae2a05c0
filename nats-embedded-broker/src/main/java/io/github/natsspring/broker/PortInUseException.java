package io.github.natsspring.broker;

/**
 * Thrown by {@link NatsBroker#start()} when the configured port is already bound by another process, perhaps another
 * broker or nats-server. The message is the same as for any other listen failure; the type and
 * {@link #getHost()}/{@link #getPort()} let callers explain it.
 */
public class PortInUseException extends NatsBrokerException {

	private final String host;

	private final int port;

	public PortInUseException(String message, String host, int port, Throwable cause) {
		super(message, cause);
		this.host = host;
		this.port = port;
	}

	/** The host the broker tried to listen on, as configured. */
	public String getHost() {
		return this.host;
	}

	/** The port that was already in use. */
	public int getPort() {
		return this.port;
	}
}
