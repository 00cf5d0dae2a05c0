package io.github.natsspring.broker;

/**
 * A NATS server speaking the client protocol on one TCP port, for embedding in an application.
 *
 * <pre>{@code
 * try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
 *     broker.start();
 *     Connection nc = Nats.connect(broker.getClientUrl());
 * }
 * }</pre>
 *
 * Each instance owns its event loops, so several brokers can run in one JVM. Thread-safe.
 */
public final class NatsBroker implements AutoCloseable {

	private final NatsBrokerOptions options;

	public NatsBroker(NatsBrokerOptions options) {
		this.options = java.util.Objects.requireNonNull(options, "options");
	}

	/** The options this broker was created with. */
	public NatsBrokerOptions getOptions() {
		return options;
	}

	/**
	 * Binds the port and starts accepting clients; returns once listening.
	 * @throws NatsBrokerException if the port cannot be bound or the broker was already started
	 */
	public void start() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Whether the broker is accepting clients. */
	public boolean isRunning() {
		return false;
	}

	/** The port actually bound (the chosen one when configured with port 0). */
	public int getPort() {
		throw new IllegalStateException("not started");
	}

	/** The URL clients connect to, e.g. {@code nats://127.0.0.1:4222}. */
	public String getClientUrl() {
		throw new IllegalStateException("not started");
	}

	/** The unique id generated for this server, sent as {@code server_id} in INFO. */
	public String getServerId() {
		throw new IllegalStateException("not started");
	}

	/** Number of clients connected right now. */
	public int getConnectionCount() {
		return 0;
	}

	/**
	 * Stops accepting clients, flushes what is queued to each connected client, closes them and releases
	 * threads, buffers and the port. Idempotent.
	 */
	public void stop() {
	}

	/**
	 * Lame-duck mode as in nats-server: the listener closes at once; after the grace period clients are
	 * told with {@code INFO {"ldm":true}} and closed gradually over the lame-duck duration; then the
	 * broker stops. Returns immediately.
	 */
	public void enterLameDuckMode() {
	}

	/** Same as {@link #stop()}. */
	@Override
	public void close() {
		stop();
	}
}
