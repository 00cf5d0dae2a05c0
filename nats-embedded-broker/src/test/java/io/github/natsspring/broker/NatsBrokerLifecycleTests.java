package io.github.natsspring.broker;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Start, stop, restart and lame duck of the embedded broker.
 */
class NatsBrokerLifecycleTests {

	@Test
	void startReturnsOnceListeningOnTheChosenRandomPort() throws Exception {
		try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			broker.start();
			assertThat(broker.getPort()).isPositive();
			assertThat(broker.getClientUrl()).isEqualTo("nats://127.0.0.1:" + broker.getPort());
			try (Socket socket = new Socket("127.0.0.1", broker.getPort())) {
				assertThat(readLine(socket.getInputStream())).startsWith("INFO {\"server_id\":\"" + broker.getServerId() + "\"");
			}
		}
	}

	@Test
	void aClientConnectingTheMomentThePortOpensIsGreetedWithInfo() throws Exception {
		for (int round = 0; round < 10; round++) {
			int port;
			try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = probe.getLocalPort();
			}
			NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort().toBuilder().port(port).startupWarmUp(false).build();
			CompletableFuture<String> greeting = CompletableFuture.supplyAsync(() -> firstLineOnceListening(port));
			try (NatsBroker broker = new NatsBroker(options)) {
				broker.start();
				assertThat(greeting.get(10, TimeUnit.SECONDS)).startsWith("INFO {");
			}
		}
	}

	// dials in a tight loop, so the first connection lands as soon as the listener exists
	private static String firstLineOnceListening(int port) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				socket.setSoTimeout(5000);
				return readLine(socket.getInputStream());
			}
			catch (ConnectException refused) {
				Thread.onSpinWait();
			}
			catch (Exception ex) {
				return ex.toString();
			}
		}
		return "never listened";
	}

	@Test
	void serverIdLooksLikeAnNkeyAndServerNameDefaultsToIt() {
		try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			broker.start();
			assertThat(broker.getServerId()).matches("N[A-Z2-7]{55}");
			assertThat(broker.getServerName()).isEqualTo(broker.getServerId());
		}
	}

	@Test
	void severalBrokersRunSideBySideInOneJvm() throws Exception {
		try (NatsBroker first = new NatsBroker(NatsBrokerOptions.loopbackRandomPort());
				NatsBroker second = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			first.start();
			second.start();
			assertThat(first.getPort()).isNotEqualTo(second.getPort());
			assertThat(first.getServerId()).isNotEqualTo(second.getServerId());
			try (Connection a = Nats.connect(first.getClientUrl()); Connection b = Nats.connect(second.getClientUrl())) {
				assertThat(a.getServerInfo().getServerId()).isEqualTo(first.getServerId());
				assertThat(b.getServerInfo().getServerId()).isEqualTo(second.getServerId());
			}
		}
	}

	@Test
	void aBrokerStartedWithoutTheWarmUpServesClients() throws Exception {
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort().toBuilder().startupWarmUp(false).build();
		try (NatsBroker broker = new NatsBroker(options)) {
			broker.start();
			try (Connection connection = Nats.connect(broker.getClientUrl())) {
				assertThat(connection.getServerInfo().getClientId()).isEqualTo(1);
				assertThat(connection.RTT()).isPositive();
			}
		}
	}

	@Test
	void ioThreadsSetHowManyEventLoopsServeClients() throws Exception {
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort().toBuilder().ioThreads(3).build();
		try (NatsBroker broker = new NatsBroker(options)) {
			broker.start();
			String prefix = "nats-broker-" + broker.getServerId().substring(1, 7).toLowerCase() + "-io";
			long ioThreads = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().startsWith(prefix))
				.count();
			assertThat(ioThreads).isEqualTo(3);
		}
	}

	@Test
	void startingTwiceIsRefused() {
		try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			broker.start();
			assertThatThrownBy(broker::start).isInstanceOf(NatsBrokerException.class).hasMessageContaining("already running");
		}
	}

	@Test
	void aPortInUseFailsStartWithThePortInUseAndTheAddressInTheMessage() {
		try (NatsBroker first = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			first.start();
			NatsBroker second = new NatsBroker(NatsBrokerOptions.builder().host("127.0.0.1").port(first.getPort()).build());
			assertThatThrownBy(second::start).isInstanceOfSatisfying(PortInUseException.class, (ex) -> {
				assertThat(ex.getHost()).isEqualTo("127.0.0.1");
				assertThat(ex.getPort()).isEqualTo(first.getPort());
			})
				.hasMessageStartingWith("Cannot listen for client connections on 127.0.0.1:" + first.getPort() + ": ")
				.hasMessageContaining("Address already in use");
			assertThat(second.isRunning()).isFalse();
		}
	}

	@Test
	void aPortInUseIsRecognisedWithoutEpollToo() {
		try (NatsBroker first = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			first.start();
			NatsBroker second = new NatsBroker(NatsBrokerOptions.builder().host("127.0.0.1").port(first.getPort()).build());
			System.setProperty("natsbroker.noEpoll", "true");
			try {
				assertThatThrownBy(second::start).isInstanceOf(PortInUseException.class)
					.hasMessageStartingWith("Cannot listen for client connections on 127.0.0.1:" + first.getPort());
			}
			finally {
				System.clearProperty("natsbroker.noEpoll");
			}
		}
	}

	@Test
	void anAddressThatCannotBeBoundForAnotherReasonIsNotAPortInUse() {
		// 192.0.2.1 is TEST-NET-1: no interface of this machine has it
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.builder().host("192.0.2.1").port(0).build());
		assertThatThrownBy(broker::start).isInstanceOf(NatsBrokerException.class)
			.isNotInstanceOf(PortInUseException.class)
			.hasMessageStartingWith("Cannot listen for client connections on 192.0.2.1:0: ");
	}

	@Test
	void stopReleasesThreadsAndThePortEvenWhenRepeated() throws Exception {
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort();
		int port = 0;
		for (int i = 0; i < 20; i++) {
			NatsBroker broker = new NatsBroker(port == 0 ? options : options.toBuilder().port(port).build());
			broker.start();
			port = broker.getPort();
			try (Connection connection = Nats.connect(broker.getClientUrl())) {
				connection.publish("warm.up", new byte[16]);
				connection.flush(Duration.ofSeconds(5));
			}
			broker.stop();
			assertThat(broker.isRunning()).isFalse();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(brokerThreads()).isEmpty());
		try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
		}
	}

	@Test
	void stopIsIdempotentAndStopWithoutStartIsHarmless() {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort());
		broker.stop();
		broker.start();
		broker.stop();
		broker.stop();
		assertThat(broker.isRunning()).isFalse();
	}

	@Test
	void aStoppedBrokerCanBeStartedAgainOnTheSamePortAndClientsReconnect() throws Exception {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort());
		broker.start();
		int port = broker.getPort();
		NatsBroker restarted = new NatsBroker(NatsBrokerOptions.loopbackRandomPort().toBuilder().port(port).build());
		CopyOnWriteArrayList<ConnectionListener.Events> events = new CopyOnWriteArrayList<>();
		Options options = new Options.Builder().server(broker.getClientUrl())
			.reconnectWait(Duration.ofMillis(50))
			.maxReconnects(-1)
			.connectionListener((conn, event) -> events.add(event))
			.build();
		try (Connection connection = Nats.connect(options)) {
			broker.stop();
			await().until(() -> events.contains(ConnectionListener.Events.DISCONNECTED));
			restarted.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> events.contains(ConnectionListener.Events.RECONNECTED));
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		}
		finally {
			restarted.stop();
		}
	}

	@Test
	void disconnectingClientsClosesEveryConnectionAndKeepsListeningSoTheyReconnect() throws Exception {
		try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			broker.start();
			CopyOnWriteArrayList<ConnectionListener.Events> events = new CopyOnWriteArrayList<>();
			Options options = new Options.Builder().server(broker.getClientUrl())
				.reconnectWait(Duration.ofMillis(50))
				.maxReconnects(-1)
				.connectionListener((conn, event) -> events.add(event))
				.build();
			try (Connection first = Nats.connect(options); Connection second = Nats.connect(broker.getClientUrl())) {
				assertThat(broker.disconnectClients()).isEqualTo(2);
				await().atMost(Duration.ofSeconds(10)).until(() -> events.contains(ConnectionListener.Events.RECONNECTED));
				assertThat(events).containsSubsequence(ConnectionListener.Events.DISCONNECTED,
						ConnectionListener.Events.RECONNECTED);
				assertThat(first.getServerInfo().getServerId()).isEqualTo(broker.getServerId());
				assertThat(broker.isRunning()).isTrue();
			}
		}
	}

	@Test
	void disconnectingClientsOfAStoppedBrokerIsRefused() {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort());
		assertThatThrownBy(broker::disconnectClients).isInstanceOf(IllegalStateException.class)
			.hasMessage("Broker is not running");
	}

	@Test
	void lameDuckModeWarnsClientsThenClosesThemAndStops() throws Exception {
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort().toBuilder()
			.lameDuckGracePeriod(Duration.ofMillis(100))
			.lameDuckDuration(Duration.ofMillis(600))
			.build();
		NatsBroker broker = new NatsBroker(options);
		broker.start();
		CopyOnWriteArrayList<ConnectionListener.Events> events = new CopyOnWriteArrayList<>();
		Options clientOptions = new Options.Builder().server(broker.getClientUrl())
			.maxReconnects(0)
			.connectionListener((conn, event) -> events.add(event))
			.build();
		try (Connection connection = Nats.connect(clientOptions)) {
			// jnats sends a PING right after CONNECT: the server only sends async INFO to clients whose PING it answered
			broker.enterLameDuckMode();
			await().atMost(Duration.ofSeconds(5)).until(() -> events.contains(ConnectionListener.Events.LAME_DUCK));
			await().atMost(Duration.ofSeconds(5)).until(() -> connection.getStatus() == Connection.Status.CLOSED
					|| connection.getStatus() == Connection.Status.DISCONNECTED);
			await().atMost(Duration.ofSeconds(5)).until(() -> !broker.isRunning());
		}
		finally {
			broker.stop();
		}
	}

	@Test
	void lameDuckModeStopsAcceptingAtOnce() {
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort().toBuilder()
			.lameDuckGracePeriod(Duration.ofSeconds(5))
			.build();
		NatsBroker broker = new NatsBroker(options);
		broker.start();
		int port = broker.getPort();
		try {
			broker.enterLameDuckMode();
			await().untilAsserted(() -> assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
				.isInstanceOf(java.net.ConnectException.class));
		}
		finally {
			broker.stop();
		}
	}

	private static Set<String> brokerThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter(name -> name.startsWith("nats-broker-"))
			.collect(Collectors.toSet());
	}

	private static String readLine(InputStream in) throws Exception {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			line.append((char) b);
		}
		return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}
}
