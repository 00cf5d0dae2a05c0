package io.github.natsspring.broker.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A raw socket playing a route against the broker, bytes as routes.md records them from nats-server 2.9.10. */
class RouteWireTests {

	private static final Duration WAIT = Duration.ofSeconds(3);

	private static final String PEER_INFO = "INFO {\"server_id\":\"NFAKEROUTE\",\"server_name\":\"fake\",\"version\":\"2.9.10\","
			+ "\"proto\":2,\"host\":\"127.0.0.1\",\"port\":9,\"headers\":true,\"max_payload\":1048576,"
			+ "\"cluster\":\"demo\",\"connect_urls\":[\"127.0.0.1:9999\"]} \r\n";

	private static final String PEER_CONNECT = "CONNECT {\"echo\":true,\"verbose\":false,\"pedantic\":false,"
			+ "\"tls_required\":false,\"headers\":true,\"name\":\"NFAKEROUTE\",\"cluster\":\"demo\"}\r\n";

	private NatsBroker broker;

	@BeforeEach
	void start() {
		this.broker = new NatsBroker(NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.serverName("A")
			.cluster(BrokerCluster.builder().name("demo").host("127.0.0.1").port(0).build())
			.build());
		this.broker.start();
	}

	@AfterEach
	void stop() {
		this.broker.close();
	}

	@Test
	void anAcceptedRouteGetsTheRouteInfoAtOnce() throws IOException {
		try (RawSocket route = RawSocket.connect(this.broker.getClusterPort())) {
			String info = route.readUntil(" \r\n", WAIT);

			assertThat(info).matches("INFO \\{\"server_id\":\"" + this.broker.getServerId()
					+ "\",\"server_name\":\"A\",\"version\":\"2.9.10\",\"proto\":2,\"host\":\"127.0.0.1\",\"port\":"
					+ this.broker.getClusterPort() + ",\"headers\":true,\"max_payload\":1048576,\"nonce\":\"[^\"]+\","
					+ "\"cluster\":\"demo\",\"connect_urls\":\\[\"127.0.0.1:" + this.broker.getPort() + "\"\\]\\} \r\n");
		}
	}

	@Test
	void aClientOnTheRoutePortIsToldItsWrongPortAndClosed() throws IOException {
		try (RawSocket client = RawSocket.connect(this.broker.getClusterPort())) {
			client.readUntil(" \r\n", WAIT);
			client.clear();
			client.send("CONNECT {\"verbose\":false,\"lang\":\"java\",\"version\":\"2.26.0\"}\r\n");

			assertThat(client.readUntilClosed(WAIT)).isEqualTo("-ERR 'attempted to connect to route port'\r\n");
		}
	}

	@Test
	void aRouteOfAnotherClusterIsRejected() throws IOException {
		try (RawSocket route = RawSocket.connect(this.broker.getClusterPort())) {
			route.readUntil(" \r\n", WAIT);
			route.clear();
			route.send(PEER_CONNECT.replace("\"demo\"", "\"other\""));

			assertThat(route.readUntilClosed(WAIT))
				.isEqualTo("-ERR 'Rejecting connection, cluster name \"other\" does not match \"demo\"'\r\n");
		}
	}

	@Test
	void aRouteToItselfIsClosed() throws IOException {
		try (RawSocket route = RawSocket.connect(this.broker.getClusterPort())) {
			route.readUntil(" \r\n", WAIT);
			route.send(PEER_CONNECT).send(PEER_INFO.replace("NFAKEROUTE", this.broker.getServerId()));

			route.readUntilClosed(WAIT);
			assertThat(this.broker.getRouteCount()).isZero();
		}
	}

	@Test
	void aSecondRouteFromTheSameServerIsClosedAsDuplicate() throws IOException {
		try (RawSocket first = registeredRoute(); RawSocket second = RawSocket.connect(this.broker.getClusterPort())) {
			second.readUntil(" \r\n", WAIT);
			second.send(PEER_CONNECT).send(PEER_INFO);

			second.readUntilClosed(WAIT);
			assertThat(first.isClosedByPeer()).isFalse();
			assertThat(this.broker.getRouteCount()).isEqualTo(1);
		}
	}

	@Test
	void aRegisteredRouteGetsTheLocalInterestThenItsChanges() throws IOException {
		try (RawSocket client = client()) {
			client.send("SUB foo 1\r\nSUB foo 2\r\nSUB w.* 3\r\nSUB foo q 4\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			try (RawSocket route = registeredRoute()) {
				route.readUntil("RS+ $G foo q 1\r\n", WAIT);
				assertThat(route.withoutPings()).isEqualTo("RS+ $G foo\r\nRS+ $G w.*\r\nRS+ $G foo q 1\r\n");
				route.clear();

				client.send("SUB foo q 5\r\nUNSUB 5\r\nUNSUB 4\r\nUNSUB 1\r\nUNSUB 2\r\nPING\r\n");

				route.readUntil("RS- $G foo\r\n", WAIT);
				assertThat(route.withoutPings())
					.isEqualTo("RS+ $G foo q 2\r\nRS+ $G foo q 1\r\nRS- $G foo q\r\nRS- $G foo\r\n");
			}
		}
	}

	@Test
	void autoUnsubscribeSendsTheUnsubscribeOnceTheLimitIsReached() throws IOException {
		try (RawSocket route = registeredRoute(); RawSocket client = client()) {
			client.send("SUB x 7\r\nUNSUB 7 2\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			route.readUntil("RS+ $G x\r\n", WAIT);
			route.clear();

			client.send("PUB x 1\r\na\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			assertThat(route.readFor(Duration.ofMillis(200)).replace("PING\r\n", "")).isEmpty();
			client.send("PUB x 1\r\nb\r\n");

			assertThat(route.readUntil("RS- $G x\r\n", WAIT).replace("PING\r\n", "")).isEqualTo("RS- $G x\r\n");
		}
	}

	@Test
	void aClientClosingTakesItsInterestAway() throws IOException {
		try (RawSocket route = registeredRoute()) {
			RawSocket client = client();
			client.send("SUB gone 1\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			route.readUntil("RS+ $G gone\r\n", WAIT);

			client.close();

			route.readUntil("RS- $G gone\r\n", WAIT);
		}
	}

	@Test
	void messagesGoToTheRouteOnceWithTheQueueGroupsPickedThere() throws IOException {
		try (RawSocket route = registeredRoute(); RawSocket client = client()) {
			route.send("RS+ $G bar\r\nRS+ $G bar.*\r\nRS+ $G qq grp 1\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			await().atMost(WAIT).until(() -> this.broker.getSubscriptionCount() == 3);
			route.clear();

			client.send("PUB bar 5\r\nhello\r\nPUB bar rep.1 5\r\nhello\r\nPUB qq 2\r\nhi\r\nPUB qq rep.2 2\r\nhi\r\n");
			client.send("HPUB bar 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");

			route.readUntil("HMSG", WAIT);
			route.readUntil("hi\r\n", WAIT);
			assertThat(route.withoutPings()).isEqualTo("RMSG $G bar 5\r\nhello\r\nRMSG $G bar rep.1 5\r\nhello\r\n"
					+ "RMSG $G qq | grp 2\r\nhi\r\nRMSG $G qq + rep.2 grp 2\r\nhi\r\nHMSG $G bar 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");
		}
	}

	@Test
	void aRoutedMessageReachesPlainSubscribersAndOnlyTheQueueGroupsItNames() throws IOException {
		try (RawSocket route = registeredRoute(); RawSocket client = client()) {
			client.send("SUB foo 11\r\nSUB foo q 12\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			route.readUntil("RS+ $G foo q 1\r\n", WAIT);
			client.clear();

			route.send("RMSG $G foo 2\r\nm1\r\nRMSG $G foo | q 2\r\nm2\r\nRMSG $G foo + rr q 2\r\nm3\r\n"
					+ "RMSG $G foo | zz 2\r\nm4\r\nHMSG $G foo 12 14\r\nNATS/1.0\r\n\r\nm5\r\n");

			String received = client.readUntil("m5\r\n", WAIT);
			assertThat(received).isEqualTo("MSG foo 11 2\r\nm1\r\nMSG foo 11 2\r\nm2\r\nMSG foo 12 2\r\nm2\r\n"
					+ "MSG foo 11 rr 2\r\nm3\r\nMSG foo 12 rr 2\r\nm3\r\nMSG foo 11 2\r\nm4\r\n"
					+ "HMSG foo 11 12 14\r\nNATS/1.0\r\n\r\nm5\r\n");
		}
	}

	@Test
	void theSystemAccountOfNatsServerIsAcceptedAndDropped() throws IOException {
		try (RawSocket route = registeredRoute(); RawSocket client = client()) {
			client.send("SUB foo 1\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
			route.send("RS+ $SYS $SYS.REQ.SERVER.PING\r\nRS+ $SYS $SYS._INBOX.b2oh2L6w.*\r\n"
					+ "RMSG $SYS $SYS.SERVER.NA.STATSZ 2\r\n{}\r\nRS- $SYS $SYS.REQ.SERVER.PING\r\nRMSG $G foo 2\r\nok\r\n");

			client.readUntil("MSG foo 1 2\r\nok\r\n", WAIT);
			assertThat(route.isClosedByPeer()).isFalse();
			assertThat(this.broker.getRouteCount()).isEqualTo(1);
		}
	}

	@Test
	void aRouteIsPingedAndItsPingAnswered() throws IOException {
		try (RawSocket route = registeredRoute()) {
			route.send("PING\r\n");

			route.readUntil("PONG\r\n", WAIT);
			route.readUntil("PING\r\n", WAIT);
		}
	}

	@Test
	void closingARouteRemovesItsInterest() throws IOException {
		RawSocket route = registeredRoute();
		route.send("RS+ $G a\r\nRS+ $G b q 3\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
		await().atMost(WAIT).until(() -> this.broker.getSubscriptionCount() == 2);

		route.close();

		await().atMost(WAIT).until(() -> this.broker.getSubscriptionCount() == 0 && this.broker.getRouteCount() == 0);
	}

	@Test
	void aDialledRouteSendsConnectAndInfoTogetherThenItsInterest() throws IOException {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			listener.setSoTimeout(5000);
			NatsBroker dialler = new NatsBroker(NatsBrokerOptions.builder()
				.host("127.0.0.1")
				.port(0)
				.serverName("B")
				.cluster(BrokerCluster.builder()
					.name("demo")
					.host("127.0.0.1")
					.port(0)
					.route(URI.create("nats-route://127.0.0.1:" + listener.getLocalPort()))
					.build())
				.build());
			dialler.start();
			try (dialler; RawSocket peer = new RawSocket(listener.accept())) {
				String handshake = peer.readUntil(" \r\n", WAIT);
				assertThat(handshake).startsWith("CONNECT {\"echo\":true,\"verbose\":false,\"pedantic\":false,"
						+ "\"tls_required\":false,\"headers\":true,\"name\":\"" + dialler.getServerId()
						+ "\",\"cluster\":\"demo\"}\r\nINFO {\"server_id\":\"" + dialler.getServerId() + "\"");
				assertThat(handshake).doesNotContain("nonce");
				peer.send(PEER_INFO);
				await().atMost(WAIT).until(() -> dialler.getRouteCount() == 1);
			}
		}
	}

	@Test
	void clientsLearnARoutedPeersClientUrls() throws IOException {
		try (RawSocket client = client()) {
			client.clear();
			try (RawSocket route = registeredRoute()) {
				String info = client.readUntil("9999", WAIT);
				Matcher urls = Pattern.compile("\"connect_urls\":\\[([^\\]]*)\\]").matcher(info);
				assertThat(urls.find()).isTrue();
				assertThat(urls.group(1)).isEqualTo("\"127.0.0.1:" + this.broker.getPort() + "\",\"127.0.0.1:9999\"");
				client.clear();
			}
			assertThat(client.readUntil("INFO", WAIT)).doesNotContain("9999");
		}
	}

	/** A raw client that sent CONNECT with protocol 1 and had its PING answered, so it gets async INFO. */
	private RawSocket client() throws IOException {
		RawSocket client = RawSocket.connect(this.broker.getPort());
		client.readUntil(" \r\n", WAIT);
		client.send("CONNECT {\"verbose\":false,\"protocol\":1,\"headers\":true}\r\nPING\r\n").readUntil("PONG\r\n", WAIT);
		client.clear();
		return client;
	}

	private RawSocket registeredRoute() throws IOException {
		RawSocket route = RawSocket.connect(this.broker.getClusterPort());
		route.readUntil(" \r\n", WAIT);
		route.clear();
		route.send(PEER_CONNECT).send(PEER_INFO);
		await().atMost(WAIT).until(() -> this.broker.getRouteCount() == 1);
		return route;
	}
}
