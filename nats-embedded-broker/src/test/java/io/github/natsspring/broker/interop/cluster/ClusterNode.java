package io.github.natsspring.broker.interop.cluster;

import java.io.IOException;
import java.util.Optional;

import io.github.natsspring.broker.monitor.MonitorHttp;

/**
 * One server of a {@link TestCluster}: started, killed and started again on the ports of its {@link NodeSpec}.
 */
abstract class ClusterNode implements AutoCloseable {

	private final NodeSpec spec;

	ClusterNode(NodeSpec spec) {
		this.spec = spec;
	}

	/** Starts the node and returns once it accepts clients and routes. */
	abstract void start() throws Exception;

	/** Takes the node down at once; its clients and routes see their connections drop. */
	abstract void kill() throws Exception;

	/** Puts the node in lame-duck mode: it tells its clients and peers, and closes its clients gradually. */
	abstract void enterLameDuckMode() throws Exception;

	/** Whether the node was started and not killed since. */
	abstract boolean isRunning();

	/** What the node is. */
	abstract NodeKind kind();

	/** The node's settings. */
	NodeSpec spec() {
		return spec;
	}

	/** The URL clients connect to. */
	String clientUrl() {
		return spec.ports().clientUrl();
	}

	/** The node's routes, read from its monitoring port. */
	RouteTable routes() throws IOException, InterruptedException {
		return RouteTable.of(MonitorHttp.on(spec.ports().monitoring()).json("/routez"));
	}

	/** What the node logged in its current or last run, for failure messages; empty when it logs elsewhere. */
	Optional<String> log() throws IOException {
		return Optional.empty();
	}

	@Override
	public void close() throws Exception {
		if (isRunning()) {
			kill();
		}
	}

	@Override
	public String toString() {
		return spec.name() + " (" + kind() + ", client " + spec.ports().client() + ", cluster " + spec.ports().cluster()
				+ ")";
	}
}
