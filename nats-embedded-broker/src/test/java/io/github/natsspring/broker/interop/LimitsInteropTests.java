package io.github.natsspring.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** Limits as clients meet them: the payload limit on both sides of the wire, and slow consumers cut off. */
class LimitsInteropTests extends InteropScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@InteropTest
	void jnatsRefusesToPublishMoreThanTheAdvertisedMaxPayload(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection connection = connect(target);
		long maxPayload = connection.getMaxPayload();
		assertThat(maxPayload).isEqualTo(BrokerLimits.DEFAULT_MAX_PAYLOAD);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> connection.publish("too.big", new byte[(int) maxPayload + 1]))
			.withMessageContaining("exceed");
		connection.publish("just.fits", new byte[(int) maxPayload]);
		connection.flush(TIMEOUT);
		assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}

	@InteropTest
	void serverRejectsAnOversizedPublishAndClosesTheConnection(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);

		socket.send("CONNECT {\"verbose\":false}\r\nPUB too.big " + (BrokerLimits.DEFAULT_MAX_PAYLOAD + 1) + "\r\n");

		assertThat(socket.readLine()).isEqualTo("-ERR 'Maximum Payload Violation'");
		assertThat(socket.readUntilClosed()).isZero();
	}

	/**
	 * The stalled reader is cut off by whichever limit the server meets first: pending bytes over max_pending,
	 * or a write blocked past the write deadline (nats-server 2.9.10 blocks in the write once the socket
	 * buffers are full, so a short deadline keeps the scenario fast).
	 */
	@InteropTest
	void slowConsumerIsCutOffWhileHealthySubscriberReceivesEverything(TargetKind kind) throws Exception {
		int maxPending = 64 * 1024;
		NatsTarget target = start(kind, NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.limits(BrokerLimits.defaults()
				.withMaxPayload(maxPending)
				.withMaxPending(maxPending)
				.withWriteDeadline(Duration.ofSeconds(1)))
			.build());
		RawNatsSocket stalled = openRawSocket(target, 4096);
		stalled.send("CONNECT {\"verbose\":false}\r\nSUB flood 1\r\nPING\r\n");
		assertThat(stalled.readLine()).isEqualTo("PONG");
		AtomicInteger healthyCount = new AtomicInteger();
		Connection healthy = connect(target);
		healthy.createDispatcher(message -> healthyCount.incrementAndGet()).subscribe("flood");
		healthy.flush(TIMEOUT);
		Connection publisher = connect(target);
		byte[] payload = "x".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
		int batches = 200;
		int batchSize = 2;

		for (int batch = 1; batch <= batches; batch++) {
			for (int i = 0; i < batchSize; i++) {
				publisher.publish("flood", payload);
			}
			publisher.flush(TIMEOUT);
			int expected = batch * batchSize;
			await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(1)).until(() -> healthyCount.get() >= expected);
		}

		long stalledBytes = stalled.readUntilClosed();
		assertThat(stalledBytes).isLessThan((long) batches * batchSize * payload.length);
		assertThat(healthyCount).hasValue(batches * batchSize);
		assertThat(healthy.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(publisher.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}
}
