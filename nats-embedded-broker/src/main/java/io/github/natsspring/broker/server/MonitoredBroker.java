package io.github.natsspring.broker.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.broker.BrokerStatistics;
import io.github.natsspring.broker.JetStreamStatistics;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.cluster.ClusterNode;
import io.github.natsspring.broker.jetstream.JetStreamService;
import io.github.natsspring.broker.monitor.ConnectionInfo;
import io.github.natsspring.broker.monitor.MonitoredServer;
import io.github.natsspring.broker.monitor.RouteSnapshot;
import io.github.natsspring.broker.subject.TrieStatistics;

/** The running broker as its monitoring endpoints see it. */
final class MonitoredBroker implements MonitoredServer {

	private final BrokerServer server;

	MonitoredBroker(BrokerServer server) {
		this.server = server;
	}

	@Override
	public String serverId() {
		return this.server.serverId();
	}

	@Override
	public String serverName() {
		return this.server.serverName();
	}

	@Override
	public NatsBrokerOptions options() {
		return this.server.options();
	}

	@Override
	public int port() {
		return this.server.port();
	}

	@Override
	public int monitoringPort() {
		return this.server.monitoringPort();
	}

	@Override
	public Instant startTime() {
		return this.server.startTime();
	}

	@Override
	public Instant configLoadTime() {
		return this.server.configLoadTime();
	}

	@Override
	public BrokerStatistics statistics() {
		return this.server.statistics();
	}

	@Override
	public CompletableFuture<List<ConnectionInfo>> openConnections() {
		return ConnectionSnapshots.gather(this.server.openClients(), this.server.monitoringLoop());
	}

	@Override
	public List<ConnectionInfo> closedConnections() {
		return this.server.closedConnections().oldestFirst();
	}

	@Override
	public Map<String, TrieStatistics> accounts() {
		Map<String, TrieStatistics> byName = new LinkedHashMap<>();
		for (Account account : this.server.accounts().all()) {
			byName.put(account.name(), account.router().statistics());
		}
		return byName;
	}

	@Override
	public int connectionCount(String account) {
		int count = 0;
		for (var client : this.server.openClients()) {
			Account bound = client.account();
			if (bound != null && bound.name().equals(account)) {
				count++;
			}
		}
		return count;
	}

	@Override
	public CompletableFuture<List<RouteSnapshot>> routes() {
		ClusterNode node = this.server.cluster();
		return (node != null) ? node.routeSnapshots() : CompletableFuture.completedFuture(List.of());
	}

	@Override
	public int routeCount() {
		return this.server.routeCount();
	}

	@Override
	public int clusterPort() {
		ClusterNode node = this.server.cluster();
		return (node != null) ? node.port() : 0;
	}

	@Override
	public JetStreamStatistics jetStream() {
		JetStreamService jetStream = this.server.jetStream();
		return (jetStream != null) ? jetStream.statistics() : null;
	}

	@Override
	public String clusterName() {
		ClusterNode node = this.server.cluster();
		return (node != null) ? node.name() : null;
	}
}
