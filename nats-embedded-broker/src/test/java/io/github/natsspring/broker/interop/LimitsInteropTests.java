package io.github.natsspring.broker.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Limits as clients meet them: payload, connections, subscriptions, and slow consumers cut off. */
class LimitsInteropTests extends InteropScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int SMALL_MAX_PAYLOAD = 4096;

	@InteropTest
	void jnatsRefusesToPublishMoreThanTheAdvertisedMaxPayload(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder().maxPayload(SMALL_MAX_PAYLOAD).build()));
		Connection connection = connect(target);

		assertThat(connection.getMaxPayload()).isEqualTo(SMALL_MAX_PAYLOAD);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> connection.publish("too.big", new byte[SMALL_MAX_PAYLOAD + 1]))
			.withMessage("Message payload size exceed server configuration 4097 vs 4096");
		connection.publish("just.fits", new byte[SMALL_MAX_PAYLOAD]);
		connection.flush(TIMEOUT);
		assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}

	@InteropTest
	void serverRejectsAnOversizedPublishAndClosesTheConnection(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder().maxPayload(SMALL_MAX_PAYLOAD).build()));
		RawNatsSocket socket = openRawSocket(target, 64 * 1024);

		socket.send("CONNECT {\"verbose\":false}\r\nPUB too.big " + (SMALL_MAX_PAYLOAD + 1) + "\r\n");

		assertThat(socket.readLine()).isEqualTo("-ERR 'Maximum Payload Violation'");
		assertThat(socket.readUntilClosed()).isZero();
	}

	@InteropTest
	void jnatsConnectionBeyondMaxConnectionsFails(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder().maxConnections(1).build()));
		Connection first = connect(target);

		assertThatThrownBy(() -> connect(options(target).connectionTimeout(Duration.ofSeconds(1))))
			.isExactlyInstanceOf(IOException.class)
			.hasMessage("Unable to connect to NATS servers: [" + target.url() + "]");
		assertThat(first.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}

	@InteropTest
	void connectionBeyondMaxConnectionsGetsInfoThenAnErrorAndIsClosed(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder().maxConnections(1).build()));
		connect(target);

		RawNatsSocket extra = openRawSocket(target, 64 * 1024);

		assertThat(extra.info()).startsWith("INFO {");
		assertThat(extra.readLine()).isEqualTo("-ERR 'maximum connections exceeded'");
		assertThat(extra.readUntilClosed()).isZero();
	}

	@InteropTest
	void subscriptionBeyondMaxSubscriptionsIsReportedAndTheConnectionCarriesOn(TargetKind kind) throws Exception {
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder().maxSubscriptions(2).build()));
		Queue<String> errors = new ConcurrentLinkedQueue<>();
		Connection connection = connect(options(target).errorListener(errorsInto(errors)));
		Subscription first = connection.subscribe("one");
		connection.subscribe("two");
		connection.subscribe("three");
		connection.flush(TIMEOUT);

		await().atMost(TIMEOUT).until(() -> !errors.isEmpty());
		assertThat(errors).containsExactly("maximum subscriptions exceeded");
		connection.publish("one", new byte[] { 1 });
		assertThat(first.nextMessage(TIMEOUT)).isNotNull();
		assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
	}

	/**
	 * The stalled reader is cut off by whichever limit the server meets first: pending bytes over max_pending,
	 * or a write blocked past the write deadline (nats-server 2.9.10 blocks in the write once the socket
	 * buffers are full, so a short deadline keeps the scenario fast).
	 */
	@InteropTest
	void slowConsumerIsCutOffWhileHealthySubscriberReceivesEverything(TargetKind kind) throws Exception {
		int maxPending = 64 * 1024;
		NatsTarget target = start(kind, withLimits(BrokerLimits.builder()
			.maxPayload(maxPending)
			.maxPending(maxPending)
			.writeDeadline(Duration.ofSeconds(1))
			.build()));
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

	private static ErrorListener errorsInto(Queue<String> errors) {
		return new ErrorListener() {
			@Override
			public void errorOccurred(Connection connection, String error) {
				errors.add(error);
			}
		};
	}

	private static NatsBrokerOptions withLimits(BrokerLimits limits) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().limits(limits).build();
	}
}
