package io.github.natsspring.broker.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import static org.awaitility.Awaitility.await;

/** Java brokers started as one cluster on loopback, closed together. */
final class ClusterBrokers implements AutoCloseable {

	static final String NAME = "demo";

	private final List<NatsBroker> brokers = new ArrayList<>();

	private final List<Connection> clients = new ArrayList<>();

	/** Starts a node named {@code serverName} with routes to the given cluster ports. */
	NatsBroker start(String serverName, int... routePorts) {
		return start(serverName, (cluster) -> cluster, routePorts);
	}

	/** Starts a node without routes, its broker options changed. */
	NatsBroker startWith(String serverName, UnaryOperator<NatsBrokerOptions.Builder> options) {
		return start(serverName, (cluster) -> cluster, options, new int[0]);
	}

	NatsBroker start(String serverName, UnaryOperator<BrokerCluster.Builder> customizer, int... routePorts) {
		return start(serverName, customizer, (options) -> options, routePorts);
	}

	private NatsBroker start(String serverName, UnaryOperator<BrokerCluster.Builder> customizer,
			UnaryOperator<NatsBrokerOptions.Builder> options, int... routePorts) {
		BrokerCluster.Builder cluster = BrokerCluster.builder().name(NAME).host("127.0.0.1").port(0);
		for (int port : routePorts) {
			cluster.route(URI.create("nats-route://127.0.0.1:" + port));
		}
		NatsBroker broker = new NatsBroker(options.apply(NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.serverName(serverName)
			.cluster(customizer.apply(cluster).build()))
			.build());
		broker.start();
		this.brokers.add(broker);
		return broker;
	}

	Connection connect(NatsBroker broker) throws Exception {
		Connection connection = Nats.connect(new Options.Builder().server(broker.getClientUrl())
			.noRandomize()
			.connectionTimeout(Duration.ofSeconds(2))
			.build());
		this.clients.add(connection);
		return connection;
	}

	/** Closes a client with the brokers. */
	void closeLater(Connection connection) {
		this.clients.add(connection);
	}

	/** Waits until every broker has a route to every other. */
	void awaitFullMesh() {
		int others = this.brokers.size() - 1;
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.brokers.stream().allMatch((broker) -> routeCount(broker) == others));
	}

	static int routeCount(NatsBroker broker) {
		return broker.getRouteCount();
	}

	@Override
	public void close() {
		for (Connection client : this.clients) {
			try {
				client.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.brokers.forEach(NatsBroker::close);
	}
}
