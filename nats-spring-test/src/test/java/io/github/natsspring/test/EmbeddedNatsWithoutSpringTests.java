package io.github.natsspring.test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @EmbeddedNats} in a plain JUnit test: the broker, its URL and connections injected, and faults injected
 * mid-test with clients recovering from them.
 */
@EmbeddedNats
class EmbeddedNatsWithoutSpringTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private EmbeddedNatsServer nats;

	@EmbeddedNatsUrl
	private URI natsUri;

	@Test
	void theBrokerRunsOnALoopbackPortGivenAsServerUrlAndUri(EmbeddedNatsServer server, @EmbeddedNatsUrl String url,
			@EmbeddedNatsUrl URI uri) {
		assertThat(server.isRunning()).isTrue();
		assertThat(url).isEqualTo("nats://127.0.0.1:" + server.getPort());
		assertThat(uri).isEqualTo(URI.create(url));
	}

	@Test
	void fieldsReceiveTheSameBrokerAsParameters(EmbeddedNatsServer server) {
		assertThat(this.nats).isSameAs(server);
		assertThat(this.natsUri).isEqualTo(server.getUri());
	}

	@Test
	void anInjectedConnectionPublishesToTheBroker(Connection connection) {
		try (SubjectRecorder greetings = SubjectRecorder.subscribe(connection, "greetings.*")) {
			connection.publish("greetings.en", bytes("hello"));
			List<Message> received = greetings.awaitMessages(1, TIMEOUT);
			assertThat(received).extracting(Message::getSubject).containsExactly("greetings.en");
			// connections of earlier tests may still be closing
			await().atMost(TIMEOUT).until(() -> this.nats.getBroker().getConnectionCount() == 1);
		}
	}

	@Test
	void aConnectionReconnectsAfterTheBrokerRestartsOnTheSamePortAndMessagesFlowAgain(Connection connection)
			throws Exception {
		List<ConnectionListener.Events> events = new CopyOnWriteArrayList<>();
		try (Connection watched = Nats.connect(this.nats.connectionOptions()
			.connectionListener((conn, event) -> events.add(event))
			.build()); SubjectRecorder orders = SubjectRecorder.subscribe(watched, "orders")) {
			int port = this.nats.getPort();
			String serverIdBefore = watched.getServerInfo().getServerId();
			this.nats.restart();
			await().atMost(TIMEOUT).until(() -> events.contains(ConnectionListener.Events.RECONNECTED));
			assertThat(this.nats.getPort()).isEqualTo(port);
			assertThat(watched.getServerInfo().getServerId()).isNotEqualTo(serverIdBefore);
			await().atMost(TIMEOUT).until(() -> connection.getStatus() == Connection.Status.CONNECTED);
			// the recorder's subscription was sent again on reconnect: the flush proves the broker has it
			watched.flush(TIMEOUT);
			connection.publish("orders", bytes("after restart"));
			assertThat(orders.awaitMessage((message) -> text(message).equals("after restart"), TIMEOUT))
				.isNotNull();
		}
	}

	@Test
	void aStoppedBrokerRefusesConnectionsUntilStartedAgain() throws Exception {
		this.nats.stop();
		try {
			assertThat(this.nats.isRunning()).isFalse();
			assertThat(canConnect()).isFalse();
		}
		finally {
			this.nats.start();
		}
		assertThat(canConnect()).isTrue();
	}

	@Test
	void disconnectingClientsCutsConnectionsThatThenReconnectWhileTheBrokerKeepsRunning() throws Exception {
		List<ConnectionListener.Events> events = new CopyOnWriteArrayList<>();
		try (Connection watched = Nats.connect(this.nats.connectionOptions()
			.connectionListener((conn, event) -> events.add(event))
			.build()); SubjectRecorder recorder = this.nats.record("after.disconnect")) {
			String serverId = watched.getServerInfo().getServerId();
			await().atMost(TIMEOUT).until(() -> this.nats.getBroker().getConnectionCount() == 2);
			assertThat(this.nats.disconnectClients()).isEqualTo(2);
			await().atMost(TIMEOUT).until(() -> events.contains(ConnectionListener.Events.RECONNECTED));
			assertThat(events).containsSubsequence(ConnectionListener.Events.DISCONNECTED,
					ConnectionListener.Events.RECONNECTED);
			assertThat(watched.getServerInfo().getServerId()).isEqualTo(serverId);
			await().atMost(TIMEOUT).until(() -> this.nats.getBroker().getSubscriptionCount() == 1);
			watched.publish("after.disconnect", bytes("again"));
			assertThat(recorder.awaitMessages(1, TIMEOUT)).extracting(EmbeddedNatsWithoutSpringTests::text)
				.containsExactly("again");
		}
	}

	private boolean canConnect() throws InterruptedException {
		try (Connection connection = Nats.connect(new Options.Builder().server(this.nats.getUrl())
			.maxReconnects(0)
			.connectionTimeout(Duration.ofSeconds(2))
			.build())) {
			return connection.getStatus() == Connection.Status.CONNECTED;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String text(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}
}
