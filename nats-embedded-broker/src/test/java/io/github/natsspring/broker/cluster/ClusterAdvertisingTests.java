package io.github.natsspring.broker.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a cluster node tells its peers and its clients: advertised addresses, client URLs, gossip, lame duck,
 * route authorization, redialling, monitoring.
 */
class ClusterAdvertisingTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final String PEER_CONNECT = "CONNECT {\"echo\":true,\"verbose\":false,\"pedantic\":false,"
			+ "\"tls_required\":false,\"headers\":true,\"name\":\"NFAKEROUTE\",\"cluster\":\"demo\"}\r\n";

	private static final String PEER_INFO = "INFO {\"server_id\":\"NFAKEROUTE\",\"server_name\":\"fake\",\"version\":\"2.9.10\","
			+ "\"proto\":2,\"host\":\"127.0.0.1\",\"port\":9,\"headers\":true,\"max_payload\":1048576,"
			+ "\"cluster\":\"demo\",\"connect_urls\":[\"127.0.0.1:9999\"]} \r\n";

	private final ClusterBrokers brokers = new ClusterBrokers();

	@AfterEach
	void close() {
		this.brokers.close();
	}

	@Test
	void aClusterNodeWithoutPeersNamesItsClusterButNoUrlsToClients() throws IOException {
		NatsBroker node = this.brokers.start("A");
		try (RawSocket client = RawSocket.connect(node.getPort())) {
			String info = client.readUntil(" \r\n", WAIT);

			assertThat(info).contains("\"cluster\":\"demo\"").doesNotContain("connect_urls");
		}
	}

	@Test
	void theAdvertisedAddressesGoIntoTheRouteInfo() throws IOException {
		NatsBroker node = this.brokers.start("A",
				(cluster) -> cluster.advertise("10.0.0.1:7777"), new int[0]);
		try (RawSocket route = RawSocket.connect(node.getClusterPort())) {
			String info = route.readUntil(" \r\n", WAIT);

			assertThat(info).contains("\"host\":\"10.0.0.1\",\"port\":7777,")
				.contains("\"ip\":\"nats-route://10.0.0.1:7777/\"");
		}
	}

	@Test
	void theClientAdvertiseAddressIsWhatPeersAreOffered() throws IOException {
		NatsBroker node = this.brokers.startWith("A", (options) -> options.clientAdvertise("nats.example:4333"));
		try (RawSocket route = RawSocket.connect(node.getClusterPort())) {
			assertThat(route.readUntil(" \r\n", WAIT)).contains("\"connect_urls\":[\"nats.example:4333\"]");
		}
	}

	@Test
	void noAdvertiseKeepsClientUrlsOutOfRouteAndClientInfo() throws IOException {
		NatsBroker node = this.brokers.start("A", (cluster) -> cluster.noAdvertise(true), new int[0]);
		try (RawSocket route = RawSocket.connect(node.getClusterPort());
				RawSocket client = RawSocket.connect(node.getPort())) {
			assertThat(route.readUntil(" \r\n", WAIT)).doesNotContain("connect_urls");
			client.readUntil(" \r\n", WAIT);
			client.send("CONNECT {\"verbose\":false,\"protocol\":1}\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			route.send(PEER_CONNECT).send(PEER_INFO);
			await().atMost(WAIT).until(() -> node.getRouteCount() == 1);

			assertThat(client.readFor(Duration.ofMillis(300))).doesNotContain("9999");
		}
	}

	@Test
	void aNewPeerIsGossipedToTheOtherRoutesWithTheAddressToDialIt() throws IOException {
		NatsBroker a = this.brokers.start("A");
		try (RawSocket route = RawSocket.connect(a.getClusterPort())) {
			route.readUntil(" \r\n", WAIT);
			route.send(PEER_CONNECT).send(PEER_INFO);
			await().atMost(WAIT).until(() -> a.getRouteCount() == 1);
			route.clear();

			NatsBroker b = this.brokers.start("B", a.getClusterPort());

			String gossip = route.readUntil("}\r\n", WAIT);
			assertThat(gossip.replace("PING\r\n", "")).startsWith("INFO {\"server_id\":\"" + b.getServerId() + "\"")
				.contains("\"ip\":\"nats-route://127.0.0.1:" + b.getClusterPort() + "/\"")
				.doesNotContain("nonce")
				.endsWith("}\r\n");
		}
	}

	@Test
	void peersInLameDuckModeAreNoLongerOfferedToClients() throws IOException {
		NatsBroker a = this.brokers.start("A");
		NatsBroker b = this.brokers.start("B", a.getClusterPort());
		this.brokers.awaitFullMesh();
		try (RawSocket client = RawSocket.connect(b.getPort())) {
			client.readUntil("127.0.0.1:" + a.getPort(), WAIT);
			client.send("CONNECT {\"verbose\":false,\"protocol\":1}\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			client.clear();

			a.enterLameDuckMode();

			String update = client.readUntil(" \r\n", WAIT);
			assertThat(update).startsWith("INFO ")
				.contains("\"connect_urls\":[\"127.0.0.1:" + b.getPort() + "\"]");
		}
	}

	@Test
	void routesWithoutTheClusterCredentialsAreRefused() throws IOException {
		NatsBroker node = this.brokers.start("A", (cluster) -> cluster.authorization("ruser", "rpass"), new int[0]);
		try (RawSocket route = RawSocket.connect(node.getClusterPort())) {
			assertThat(route.readUntil(" \r\n", WAIT)).contains("\"auth_required\":true");
			route.clear();
			route.send(PEER_CONNECT);

			assertThat(route.readUntilClosed(WAIT)).isEqualTo("-ERR 'Authorization Violation'\r\n");
		}
	}

	@Test
	void routesWithTheClusterCredentialsInTheirUrlGetIn() {
		NatsBroker a = this.brokers.start("A", (cluster) -> cluster.authorization("ruser", "rpass"), new int[0]);
		this.brokers.start("B", (cluster) -> cluster.route(URI.create("nats-route://ruser:rpass@127.0.0.1:"
				+ a.getClusterPort())), new int[0]);

		this.brokers.awaitFullMesh();
	}

	@Test
	void aLostConfiguredRouteIsDialledAgain() throws IOException {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			listener.setSoTimeout(5000);
			this.brokers.start("A", (cluster) -> cluster.route(URI.create("nats-route://127.0.0.1:"
					+ listener.getLocalPort())), new int[0]);
			try (RawSocket first = new RawSocket(listener.accept())) {
				first.readUntil(" \r\n", WAIT);
			}

			try (RawSocket second = new RawSocket(listener.accept())) {
				assertThat(second.readUntil(" \r\n", WAIT)).startsWith("CONNECT {");
			}
		}
	}

	@Test
	void monitoringShowsTheRoutes() throws Exception {
		NatsBroker a = this.brokers.startWith("A",
				(options) -> options.monitoring(BrokerMonitoring.builder().host("127.0.0.1").port(0).build()));
		NatsBroker b = this.brokers.start("B", a.getClusterPort());
		this.brokers.awaitFullMesh();
		HttpClient http = HttpClient.newHttpClient();

		String routez = get(http, a, "/routez");
		String varz = get(http, a, "/varz");

		assertThat(routez).contains("\"num_routes\": 1").contains("\"remote_id\": \"" + b.getServerId() + "\"")
			.contains("\"did_solicit\": false");
		assertThat(varz).contains("\"routes\": 1").contains("\"name\": \"demo\"")
			.contains("\"cluster_port\": " + a.getClusterPort());
	}

	private static String get(HttpClient http, NatsBroker broker, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broker.getMonitoringPort() + path))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}
}
