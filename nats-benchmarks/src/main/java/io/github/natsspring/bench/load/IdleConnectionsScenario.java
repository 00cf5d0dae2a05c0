package io.github.natsspring.bench.load;

import java.time.Duration;
import java.util.List;

import io.github.natsspring.bench.server.ServerProcess;

/**
 * Many idle clients held open at once against a freshly started server: how long the server takes to accept
 * them all, how much memory each costs (resident set, and live heap for a JVM), and whether a pub/sub load still
 * flows without loss while they are connected.
 */
public final class IdleConnectionsScenario implements Scenario {

	/** Time from the first connect to the last {@code PONG} of the handshakes. */
	public static final Metric ACCEPT_TIME = new Metric("time to accept all", "s");

	/** Clients still connected at the end. */
	public static final Metric HELD = new Metric("connections held", "");

	/** Resident set growth per connection. */
	public static final Metric RSS_PER_CONNECTION = new Metric("RSS per connection", "KB");

	/** Live heap growth per connection, JVM servers only. */
	public static final Metric HEAP_PER_CONNECTION = new Metric("heap per connection", "KB");

	/** Pub/sub throughput measured while the idle clients are connected. */
	public static final Metric THROUGHPUT_WHILE_HELD = new Metric("pub/sub 128 B while held", "msg/s");

	private static final int MAX_PENDING_HANDSHAKES = 512;

	private static final int WARM_UP_CONNECTIONS = 200;

	private static final Duration ACCEPT_TIMEOUT = Duration.ofMinutes(2);

	private final int connections;

	private final ThroughputScenario flowCheck;

	private final RunLimits flowLimits;

	/**
	 * Creates the scenario.
	 * @param connections how many idle clients to hold
	 * @param flowLimits bounds of the pub/sub run made while they are connected
	 */
	public IdleConnectionsScenario(int connections, RunLimits flowLimits) {
		this.connections = connections;
		this.flowLimits = flowLimits;
		this.flowCheck = new ThroughputScenario(ThroughputShape.pubSub(128), flowLimits);
	}

	@Override
	public String name() {
		return String.format("%,d idle connections", this.connections);
	}

	@Override
	public List<Metric> metrics() {
		return List.of(ACCEPT_TIME, HELD, RSS_PER_CONNECTION, HEAP_PER_CONNECTION, THROUGHPUT_WHILE_HELD);
	}

	/**
	 * Measures against a new process of the given server, since memory growth is only meaningful from a clean
	 * baseline; a warm-up run does nothing because every measured run warms its own fresh server.
	 */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		Sample sample = new Sample();
		if (phase == Phase.WARM_UP) {
			return sample;
		}
		try (ServerProcess fresh = server.startFresh()) {
			warmUp(fresh);
			double heapBefore = fresh.jvm() ? fresh.liveHeapKilobytes() : Double.NaN;
			long rssBefore = fresh.residentKilobytes();
			try (IdleClients clients = IdleClients.connect(fresh.address(), this.connections, MAX_PENDING_HANDSHAKES,
					ACCEPT_TIMEOUT)) {
				double heapAfter = fresh.jvm() ? fresh.liveHeapKilobytes() : Double.NaN;
				long rssAfter = fresh.residentKilobytes();
				ThroughputResult flow = this.flowCheck.measure(fresh, this.flowLimits);
				fresh.checkAlive();
				int accepted = Math.max(1, clients.accepted());
				return sample.with(ACCEPT_TIME, clients.acceptTime().toNanos() / 1e9)
					.with(HELD, clients.held())
					.with(RSS_PER_CONNECTION, (rssAfter - rssBefore) / (double) accepted)
					.with(HEAP_PER_CONNECTION, (heapAfter - heapBefore) / accepted)
					.with(THROUGHPUT_WHILE_HELD, flow.messagesPerSecond())
					.lost(flow.lost());
			}
		}
	}

	private void warmUp(ServerProcess fresh) throws Exception {
		try (IdleClients clients = IdleClients.connect(fresh.address(), WARM_UP_CONNECTIONS, MAX_PENDING_HANDSHAKES,
				ACCEPT_TIMEOUT)) {
			// A fresh JVM broker is cold: a full-size run lets its JIT catch up before the measured one.
			this.flowCheck.measure(fresh, this.flowLimits);
		}
	}

}
