package io.github.natsspring.broker;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients sending garbage, truncated frames and protocol fragments over real sockets must only ever hurt
 * themselves: healthy clients keep every message, and nothing escapes the pipeline unhandled.
 */
class GarbageInputTests {

	private static final String[] FRAGMENTS = { "CONNECT {\"verbose\":true}\r\n", "CONNECT {bad json\r\n", "PUB ",
			"PUB foo 5\r\nhello\r\n", "PUB foo 3\r\nhello\r\n", "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", "SUB ",
			"SUB foo.> 1\r\n", "SUB foo..bar 2\r\n", "UNSUB 1 x\r\n", "PING\r\n", "PONG\r\n", "\r\n", "-ERR 'x'\r\n",
			"INFO {}\r\n", "MSG foo 1 1\r\nx\r\n", "PUB foo 999999999\r\n", "\t \t", "P", "U", "B", "\n" };

	private final Logger brokerLogger = Logger.getLogger("io.github.natsspring.broker");

	private final List<LogRecord> problems = new CopyOnWriteArrayList<>();

	private final Handler problemRecorder = new Handler() {

		@Override
		public void publish(LogRecord record) {
			if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
				GarbageInputTests.this.problems.add(record);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	@BeforeEach
	void recordBrokerWarnings() {
		this.brokerLogger.addHandler(this.problemRecorder);
	}

	@AfterEach
	void stopRecording() {
		this.brokerLogger.removeHandler(this.problemRecorder);
	}

	@Test
	void garbageFromManyClientsNeitherBreaksTheBrokerNorReachesHealthyClients() throws Exception {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort());
		broker.start();
		try (broker; Connection subscriber = Nats.connect(broker.getClientUrl());
				Connection publisher = Nats.connect(broker.getClientUrl())) {
			AtomicInteger received = new AtomicInteger();
			subscriber.createDispatcher((message) -> received.incrementAndGet()).subscribe("healthy");
			subscriber.flush(Duration.ofSeconds(5));
			Random random = new Random(20261127);
			int rounds = 200;
			for (int round = 0; round < rounds; round++) {
				sendGarbage(broker.getPort(), random);
				publisher.publish("healthy", ("message " + round).getBytes(StandardCharsets.UTF_8));
			}
			publisher.flush(Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == rounds);
			assertThat(broker.isRunning()).isTrue();
			assertThat(subscriber.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(publisher.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			await().atMost(Duration.ofSeconds(10)).until(() -> broker.getConnectionCount() == 2);
			assertThat(this.problems).extracting(LogRecord::getMessage).isEmpty();
		}
	}

	private static void sendGarbage(int port, Random random) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			int pieces = 1 + random.nextInt(8);
			for (int i = 0; i < pieces; i++) {
				if (random.nextBoolean()) {
					out.write(FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8));
				}
				else {
					byte[] bytes = new byte[1 + random.nextInt(64)];
					random.nextBytes(bytes);
					out.write(bytes);
				}
			}
			out.flush();
		}
		catch (java.net.SocketException ex) {
			// the broker may close a garbage client while it is still writing: that is the expected outcome
		}
	}
}
