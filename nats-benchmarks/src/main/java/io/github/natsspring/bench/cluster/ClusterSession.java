package io.github.natsspring.bench.cluster;

import java.nio.file.Path;

import io.github.natsspring.bench.server.ServerCommand;

/**
 * The cluster one side of the cluster comparison runs on: planned before any server runs, started once for all
 * its rows.
 */
public final class ClusterSession implements AutoCloseable {

	private ServerCluster cluster;

	/**
	 * Starts the cluster, replacing one still running.
	 * @param command the server both nodes run
	 * @param logDirectory where the nodes' output goes
	 * @throws Exception when a node does not start or the route does not form
	 */
	public void start(ServerCommand command, Path logDirectory) throws Exception {
		close();
		this.cluster = ServerCluster.start(command, logDirectory);
	}

	/**
	 * Returns the running cluster.
	 * @return the cluster
	 * @throws IllegalStateException when it has not been started
	 */
	public ServerCluster cluster() {
		if (this.cluster == null) {
			throw new IllegalStateException("The cluster is not running");
		}
		return this.cluster;
	}

	/** Stops the cluster, if running. */
	@Override
	public void close() {
		if (this.cluster != null) {
			this.cluster.close();
			this.cluster = null;
		}
	}

}
