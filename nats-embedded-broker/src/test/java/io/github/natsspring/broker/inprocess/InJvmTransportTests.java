package io.github.natsspring.broker.inprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.SubjectPermission;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.impl.InJvmDataPort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * jnats clients in the broker's JVM, connected through {@link InJvmDataPort} to the in-JVM listener: the same
 * protocol, authorization and routing as TCP clients, without a socket.
 */
class InJvmTransportTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void anInJvmClientPublishesToAndReceivesFromATcpClient() throws Exception {
		try (NatsBroker broker = started(options("orders")); Connection inJvm = Nats.connect(inJvm(broker).build());
				Connection tcp = Nats.connect(broker.getClientUrl())) {
			Subscription fromTcp = inJvm.subscribe("to.in-jvm");
			Subscription fromInJvm = tcp.subscribe("to.tcp");
			inJvm.flush(WAIT);
			tcp.flush(WAIT);

			tcp.publish("to.in-jvm", "hello in-jvm".getBytes(StandardCharsets.UTF_8));
			inJvm.publish("to.tcp", "hello tcp".getBytes(StandardCharsets.UTF_8));

			assertThat(new String(fromTcp.nextMessage(WAIT).getData(), StandardCharsets.UTF_8)).isEqualTo("hello in-jvm");
			assertThat(new String(fromInJvm.nextMessage(WAIT).getData(), StandardCharsets.UTF_8)).isEqualTo("hello tcp");
		}
	}

	@Test
	void requestsBetweenInJvmClientsGetTheirReplies() throws Exception {
		try (NatsBroker broker = started(options("replies")); Connection service = Nats.connect(inJvm(broker).build());
				Connection caller = Nats.connect(inJvm(broker).build())) {
			service.createDispatcher((request) -> service.publish(request.getReplyTo(), request.getData()))
				.subscribe("echo");
			service.flush(WAIT);

			Message reply = caller.request("echo", new byte[70_000], WAIT);

			assertThat(reply.getData()).hasSize(70_000);
		}
	}

	@Test
	void inJvmClientsAuthenticateAsTcpClientsDo() throws Exception {
		NatsBrokerOptions options = options("guarded").toBuilder()
			.auth(BrokerAuth.users(new BrokerUser("alice", "wonderland")))
			.build();
		try (NatsBroker broker = started(options)) {
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> Nats.connect(inJvm(broker).userInfo("alice", "guess").maxReconnects(0).build()));
			try (Connection alice = Nats.connect(inJvm(broker).userInfo("alice", "wonderland").build())) {
				assertThat(alice.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			}
		}
	}

	@Test
	void inJvmClientsAreHeldToTheirPermissions() throws Exception {
		BrokerPermissions onlyPublic = BrokerPermissions.of(SubjectPermission.allowing("public.>"), SubjectPermission.unrestricted());
		NatsBrokerOptions options = options("permitted").toBuilder()
			.auth(BrokerAuth.users(new BrokerUser("bob", "builder", onlyPublic)))
			.build();
		List<String> errors = new CopyOnWriteArrayList<>();
		try (NatsBroker broker = started(options);
				Connection bob = Nats.connect(inJvm(broker).userInfo("bob", "builder")
					.errorListener(new ErrorListener() {
						@Override
						public void errorOccurred(Connection conn, String error) {
							errors.add(error);
						}
					})
					.build())) {
			bob.publish("private.x", new byte[0]);
			bob.flush(WAIT);

			await().atMost(WAIT).until(() -> !errors.isEmpty());
			assertThat(errors).first().asString().contains("Permissions Violation for Publish to \"private.x\"");
		}
	}

	@Test
	void aClientReconnectsWhenTheBrokerRestartsUnderTheSameName() throws Exception {
		List<ConnectionListener.Events> events = new CopyOnWriteArrayList<>();
		try (NatsBroker broker = started(options("restarting"));
				Connection client = Nats.connect(inJvm(broker).reconnectWait(Duration.ofMillis(20))
					.maxReconnects(-1)
					.connectionListener((connection, event) -> events.add(event))
					.build())) {
			Subscription subscription = client.subscribe("after.restart");
			client.flush(WAIT);

			broker.stop();
			await().atMost(WAIT).until(() -> events.contains(ConnectionListener.Events.DISCONNECTED));
			broker.start();
			await().atMost(WAIT).until(() -> events.contains(ConnectionListener.Events.RECONNECTED));
			client.publish("after.restart", "back".getBytes(StandardCharsets.UTF_8));

			assertThat(subscription.nextMessage(WAIT).getData()).asString(StandardCharsets.UTF_8).isEqualTo("back");
		}
	}

	@Test
	void closingInJvmClientsLeavesTheBrokerWithoutConnections() throws Exception {
		try (NatsBroker broker = started(options("closing"))) {
			for (int i = 0; i < 3; i++) {
				Connection client = Nats.connect(inJvm(broker).build());
				client.publish("x", new byte[1024]);
				client.close();
			}

			await().atMost(WAIT).until(() -> broker.getConnectionCount() == 0);
		}
	}

	@Test
	void withTheTcpListenerOffOnlyInJvmClientsConnect() throws Exception {
		NatsBrokerOptions options = options("no-tcp").toBuilder().tcpListener(false).build();
		try (NatsBroker broker = started(options); Connection client = Nats.connect(inJvm(broker).build())) {
			assertThat(client.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(broker.getPort()).isZero();
			assertThatIllegalStateException().isThrownBy(broker::getClientUrl).withMessageContaining("TCP listener is off");
		}
	}

	@Test
	void theInJvmInfoAsksForNoTlsAndNamesTheTcpListener() throws Exception {
		try (NatsBroker broker = started(options("info")); Connection client = Nats.connect(inJvm(broker).build())) {
			assertThat(client.getServerInfo().isTLSRequired()).isFalse();
			assertThat(client.getServerInfo().getHost()).isEqualTo("127.0.0.1");
			assertThat(client.getServerInfo().getPort()).isEqualTo(broker.getPort());
		}
	}

	@Test
	void connectingToANameNoBrokerHoldsIsRefused() {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> Nats.connect(new Options.Builder().server(InJvmListeners.url("nobody-here"))
				.dataPortType(InJvmDataPort.class.getName())
				.maxReconnects(0)
				.build()));
	}

	@Test
	void twoBrokersCannotTakeTheSameName() {
		try (NatsBroker first = started(options("taken"))) {
			NatsBroker second = new NatsBroker(options("taken"));
			assertThatExceptionOfType(NatsBrokerException.class).isThrownBy(second::start)
				.withMessageContaining("listens in-JVM as 'taken'");
			assertThat(second.isRunning()).isFalse();
		}
	}

	@Test
	void theTcpListenerCannotBeTurnedOffWithoutAnInJvmListener() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NatsBrokerOptions.loopbackRandomPort().toBuilder().tcpListener(false).build())
			.withMessageContaining("in-JVM listener");
	}

	@Test
	void anInJvmNameThatCannotBeAUrlHostIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NatsBrokerOptions.loopbackRandomPort().toBuilder().inJvmName("my_broker").build())
			.withMessageContaining("'my_broker'");
	}

	private static NatsBrokerOptions options(String name) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().inJvmName(name).build();
	}

	private static NatsBroker started(NatsBrokerOptions options) {
		NatsBroker broker = new NatsBroker(options);
		broker.start();
		return broker;
	}

	private static Options.Builder inJvm(NatsBroker broker) {
		return new Options.Builder().server(broker.getInJvmClientUrl())
			.dataPortType(InJvmDataPort.class.getName())
			.hostnameResolveMode(Options.HostnameResolveMode.Unresolved);
	}
}
