package io.github.natsspring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

/**
 * The broker of an {@link EmbeddedNats} test, or one node of its {@link EmbeddedNatsCluster}: where it listens,
 * jnats connections to it, and fault injection. It keeps its port (and a node its cluster port) once started, so
 * {@link #stop()} then {@link #start()} (or {@link #restart()}) brings it back where clients left it and they
 * reconnect, as after a server restart; a node dials the other nodes again. {@link #disconnectClients()} cuts every
 * connection while it goes on listening, as after a network failure. Each start is a new broker with a new server id
 * and no subscriptions: clients send theirs again when they reconnect. Thread-safe.
 */
public final class EmbeddedNatsServer implements AutoCloseable {

	/** How long the connections made here wait between reconnect attempts: short, so tests recover fast. */
	static final Duration RECONNECT_WAIT = Duration.ofMillis(50);

	private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

	private final EmbeddedNatsSettings settings;

	private final @Nullable EmbeddedNatsCluster cluster;

	private final int index;

	private @Nullable NatsBroker broker;

	private int port;

	private @Nullable Path storeDirectory;

	// read by the other nodes as they start, without this node's lock
	private volatile int clusterPort;

	/**
	 * Creates a server that is not started yet.
	 * @param settings what the broker is to require and allow
	 */
	public EmbeddedNatsServer(EmbeddedNatsSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.cluster = null;
		this.index = 0;
	}

	/**
	 * Creates a node of a cluster, not started yet.
	 * @param settings what the broker is to require and allow
	 * @param cluster the cluster, which names the routes the node dials
	 * @param index the node's position in the cluster
	 */
	EmbeddedNatsServer(EmbeddedNatsSettings settings, EmbeddedNatsCluster cluster, int index) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.cluster = cluster;
		this.index = index;
	}

	/**
	 * Starts the broker: on a free loopback port the first time, on the same port afterwards.
	 * @throws IllegalStateException if it is running already
	 * @throws io.github.natsspring.broker.NatsBrokerException if the port cannot be bound, e.g. another process took
	 * it while the broker was stopped
	 */
	public synchronized void start() {
		if (isRunning()) {
			throw new IllegalStateException("The embedded NATS broker is already running on port " + this.port);
		}
		NatsBroker started = new NatsBroker((this.cluster != null)
				? this.settings.toBrokerOptions(this.port, new EmbeddedNatsNode(this.index, this.cluster.getName(),
						this.clusterPort, this.cluster.routesOf(this.index)))
				: this.settings.toBrokerOptions(this.port, storeDirectory()));
		started.start();
		this.broker = started;
		this.port = started.getPort();
		if (this.cluster != null) {
			this.clusterPort = started.getClusterPort();
		}
	}

	/**
	 * Stops the broker: clients are disconnected and the port released, kept for the next {@link #start()}.
	 * Idempotent.
	 */
	public synchronized void stop() {
		if (this.broker != null) {
			this.broker.stop();
		}
	}

	/** Stops the broker if it is running and starts it again on the same port. */
	public synchronized void restart() {
		stop();
		start();
	}

	/**
	 * Closes every client connection while the broker goes on listening; clients see a disconnect and reconnect.
	 * @return the number of connections closed
	 * @throws IllegalStateException if the broker is not running
	 */
	public synchronized int disconnectClients() {
		return runningBroker().disconnectClients();
	}

	/**
	 * Whether the broker is running.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.broker != null && this.broker.isRunning();
	}

	/**
	 * The port the broker listens on, and listens on again after a restart.
	 * @return the port
	 * @throws IllegalStateException before the first start
	 */
	public synchronized int getPort() {
		if (this.port == 0) {
			throw new IllegalStateException("The embedded NATS broker has not been started yet");
		}
		return this.port;
	}

	/**
	 * The port the routes of the other nodes of its cluster connect to, kept across restarts.
	 * @return the cluster port
	 * @throws IllegalStateException if this broker is no cluster node, or before its first start
	 */
	public int getClusterPort() {
		if (this.cluster == null) {
			throw new IllegalStateException("The embedded NATS broker is no cluster node: use"
					+ " @EmbeddedNats(clusterSize = ...) of at least 2");
		}
		int known = this.clusterPort;
		if (known == 0) {
			throw new IllegalStateException("The embedded NATS broker has not been started yet");
		}
		return known;
	}

	/**
	 * The cluster port, 0 until the first start or for a broker that is no cluster node; never throws.
	 * @return the cluster port or 0
	 */
	int knownClusterPort() {
		return this.clusterPort;
	}

	/**
	 * The URL clients connect to.
	 * @return e.g. {@code nats://127.0.0.1:41873}
	 * @throws IllegalStateException before the first start
	 */
	public String getUrl() {
		return "nats://127.0.0.1:" + getPort();
	}

	/**
	 * The URL clients connect to, as a URI.
	 * @return e.g. {@code nats://127.0.0.1:41873}
	 * @throws IllegalStateException before the first start
	 */
	public URI getUri() {
		return URI.create(getUrl());
	}

	/**
	 * The settings the broker runs with, credentials included.
	 * @return the settings
	 */
	public EmbeddedNatsSettings getSettings() {
		return this.settings;
	}

	/**
	 * The running broker, for its statistics ({@link NatsBroker#getConnectionCount()},
	 * {@link NatsBroker#getStatistics()}, …). A restart replaces it.
	 * @return the broker
	 * @throws IllegalStateException if it is not running
	 */
	public synchronized NatsBroker getBroker() {
		return runningBroker();
	}

	/**
	 * jnats options for this broker: its URL and credentials, reconnecting forever every 50 ms so that a test
	 * that restarts the broker does not wait long. Add listeners or change anything before building.
	 * @return a builder to complete
	 */
	public Options.Builder connectionOptions() {
		Options.Builder options = new Options.Builder().server(getUrl())
			.connectionTimeout(CONNECTION_TIMEOUT)
			.reconnectWait(RECONNECT_WAIT)
			.maxReconnects(-1);
		if (this.settings.token() != null) {
			options.token(this.settings.token().toCharArray());
		}
		if (this.settings.username() != null) {
			options.userInfo(this.settings.username().toCharArray(), this.settings.password().toCharArray());
		}
		return options;
	}

	/**
	 * A new jnats connection with {@link #connectionOptions()}; the caller closes it.
	 * @return the connection
	 * @throws IOException if the broker cannot be reached
	 * @throws InterruptedException if interrupted while connecting
	 */
	public Connection connect() throws IOException, InterruptedException {
		return Nats.connect(connectionOptions().build());
	}

	/**
	 * Records the messages published on a subject, on a connection of its own that the recorder closes. The
	 * subscription is in place at the broker when this returns, and again after each reconnect.
	 * @param subject the subject, wildcards allowed
	 * @return the recorder; close it when done
	 * @throws IOException if the broker cannot be reached
	 * @throws InterruptedException if interrupted while connecting
	 */
	public SubjectRecorder record(String subject) throws IOException, InterruptedException {
		return SubjectRecorder.onOwnConnection(connect(), subject);
	}

	private @Nullable Path storeDirectory() {
		if (this.settings.jetStream() && this.storeDirectory == null) {
			try {
				this.storeDirectory = Files.createTempDirectory("embedded-nats-js-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.storeDirectory;
	}

	/**
	 * Stops the broker, as {@link #stop()}, and removes its JetStream store directory; a later {@link #start()}
	 * begins with an empty store.
	 */
	@Override
	public synchronized void close() {
		stop();
		if (this.storeDirectory != null) {
			deleteRecursively(this.storeDirectory);
			this.storeDirectory = null;
		}
	}

	// no Spring here: the extension runs without it
	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "EmbeddedNatsServer[" + ((this.port != 0) ? getUrl() : "not started")
				+ (isRunning() ? ", running" : ", stopped") + "]";
	}

	private NatsBroker runningBroker() {
		if (!isRunning()) {
			throw new IllegalStateException("The embedded NATS broker is not running");
		}
		return this.broker;
	}
}
