package io.github.natsspring.broker.interop;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keeping connections alive or ending them: server pings, stale clients, auth timeout, lame-duck mode. */
class LivenessInteropTests extends InteropScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@InteropTest
	void jnatsAnswersServerPingsAndStaysConnected(TargetKind kind) throws Exception {
		// a stale verdict needs 750 ms without an answer: room for a busy machine, yet several pings a second
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder()
			.pingInterval(Duration.ofMillis(250))
			.maxPingsOut(3)
			.build()));
		Connection connection = connect(target);

		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> connection.getStatus() == Connection.Status.CONNECTED);
		assertThat(connection.getStatistics().getReconnects()).isZero();
	}

	@InteropTest
	void clientThatNeverAnswersPingsIsClosedAsStale(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder()
			.pingInterval(Duration.ofMillis(100))
			.maxPingsOut(2)
			.build()));
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);

		socket.send("CONNECT {\"verbose\":false}\r\n");

		assertThat(socket.readLine()).isEqualTo("PING");
		assertThat(socket.readLine()).isEqualTo("PING");
		assertThat(socket.readLine()).isEqualTo("-ERR 'Stale Connection'");
		assertThat(socket.readUntilClosed()).isZero();
	}

	@InteropTest
	void clientThatNeverSendsConnectIsClosedAfterTheAuthTimeout(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.auth(BrokerAuth.token("s3cr3t"))
			.limits(BrokerLimits.builder().authTimeout(Duration.ofMillis(300)).build())
			.build());
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);
		long started = System.nanoTime();

		assertThat(socket.readLine()).isEqualTo("-ERR 'Authentication Timeout'");
		assertThat(socket.readUntilClosed()).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(3));
	}

	/**
	 * nats-server 2.9.10 sends the lame-duck INFO at once, to clients that sent protocol 1 and a PING, and
	 * starts closing clients only after the grace period.
	 */
	@InteropTest
	void lameDuckModeIsAnnouncedAtOnceAndClientsAreClosedAfterTheGracePeriod(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.lameDuckGracePeriod(Duration.ofSeconds(3))
			.lameDuckDuration(Duration.ofSeconds(30))
			.build());
		Queue<ConnectionListener.Events> events = new ConcurrentLinkedQueue<>();
		connect(options(target).maxReconnects(0).connectionListener((connection, event) -> events.add(event)));

		target.enterLameDuckMode();

		await().atMost(Duration.ofSeconds(2)).until(() -> events.contains(ConnectionListener.Events.LAME_DUCK));
		assertThat(events).doesNotContain(ConnectionListener.Events.DISCONNECTED);
		await().atMost(TIMEOUT).until(() -> events.contains(ConnectionListener.Events.DISCONNECTED));
	}

	private static NatsBrokerOptions withLimits(BrokerLimits limits) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().limits(limits).build();
	}
}
