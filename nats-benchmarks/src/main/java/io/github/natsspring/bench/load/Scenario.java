package io.github.natsspring.bench.load;

import java.util.List;

import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.server.ServerSecurity;

/**
 * One client load that is run, unchanged, against each server under test.
 */
public interface Scenario {

	/**
	 * Returns the name shown in the report.
	 * @return the scenario name
	 */
	String name();

	/**
	 * Returns the figures each run records, in report order.
	 * @return the metrics
	 */
	List<Metric> metrics();

	/**
	 * Runs the load once against a server.
	 * @param server the server under test
	 * @param phase whether this is a discarded warm-up run or a measured one
	 * @return the figures of this run
	 * @throws Exception when the client fails, which aborts the benchmark
	 */
	Sample run(ServerProcess server, Phase phase) throws Exception;

	/**
	 * Returns what the servers this load runs against are started with; the benchmark starts a pair of servers
	 * for each security its scenarios need.
	 * @return {@link ServerSecurity#PLAINTEXT} unless the scenario says otherwise
	 */
	default ServerSecurity security() {
		return ServerSecurity.PLAINTEXT;
	}

	/**
	 * Returns whether runs publish messages, so that a table of such scenarios reports what was lost.
	 * @return {@code true} unless the scenario sends no messages
	 */
	default boolean publishesMessages() {
		return true;
	}

}
