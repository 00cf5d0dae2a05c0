package io.github.natsspring.broker.interop;

import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * A NATS server that an interop scenario runs against: the embedded broker or a real nats-server process.
 * Both are driven by the same {@link NatsBrokerOptions}, so a scenario states its setup once.
 */
public interface NatsTarget extends AutoCloseable {

	/**
	 * Starts the server on the loopback interface and returns once it accepts clients.
	 * @param options the host is ignored (always loopback); port 0 picks a free port
	 */
	void start(NatsBrokerOptions options) throws Exception;

	/** The port the server listens on. */
	int port();

	/**
	 * The HTTP monitoring port, when the options asked for monitoring.
	 * @throws IllegalStateException when they did not
	 */
	int monitoringPort();

	/** The URL clients connect to. */
	default String url() {
		return "nats://127.0.0.1:" + port();
	}

	/** Stops the server and starts it again on the same port with the same options. */
	void restart() throws Exception;

	/**
	 * Reloads the server's configuration with new options on the same port, as SIGHUP with a changed file does.
	 * @throws NatsBrokerException with the server's message when the reload was refused
	 */
	void reload(NatsBrokerOptions options) throws Exception;

	/** Puts the server in lame-duck mode: no new clients, connected ones told and then closed gradually. */
	void enterLameDuckMode() throws Exception;

	/** Stops the server; idempotent. */
	void stop() throws Exception;

	@Override
	default void close() throws Exception {
		stop();
	}
}
