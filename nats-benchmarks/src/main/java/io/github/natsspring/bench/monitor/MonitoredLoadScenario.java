package io.github.natsspring.bench.monitor;

import java.time.Duration;
import java.util.List;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.server.ServerSecurity;

/**
 * A load on a server started with HTTP monitoring ({@link ServerSecurity#MONITORED}), either with nobody reading
 * the monitoring endpoints or with a {@link MonitoringPoller} reading {@code /varz} and {@code /connz} every
 * {@link #POLL_INTERVAL} for the whole run: the pair shows what reading them costs the message path.
 */
public final class MonitoredLoadScenario implements Scenario {

	/** The delay between two rounds of requests of the poller. */
	public static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final Scenario load;

	private final boolean polled;

	private MonitoredLoadScenario(Scenario load, boolean polled) {
		this.load = load;
		this.polled = polled;
	}

	/**
	 * The load with the monitoring endpoints open and unread.
	 * @param load the load
	 * @return the scenario
	 */
	public static MonitoredLoadScenario unread(Scenario load) {
		return new MonitoredLoadScenario(load, false);
	}

	/**
	 * The load while {@code /varz} and {@code /connz} are read every {@link #POLL_INTERVAL}.
	 * @param load the load
	 * @return the scenario
	 */
	public static MonitoredLoadScenario polled(Scenario load) {
		return new MonitoredLoadScenario(load, true);
	}

	@Override
	public String name() {
		return this.load.name() + ", monitoring";
	}

	@Override
	public List<Metric> metrics() {
		return this.load.metrics();
	}

	@Override
	public ServerSecurity security() {
		return ServerSecurity.MONITORED;
	}

	@Override
	public boolean publishesMessages() {
		return this.load.publishesMessages();
	}

	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		if (!this.polled) {
			return this.load.run(server, phase);
		}
		try (MonitoringPoller poller = MonitoringPoller.start(server, POLL_INTERVAL)) {
			return this.load.run(server, phase);
		}
	}

}
