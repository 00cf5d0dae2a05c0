package io.github.natsspring.broker;

import java.time.Duration;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * bcrypt checks run off the event loops: a client's pipelined operations wait for its CONNECT's outcome, and the
 * other clients of its event loop are not held up meanwhile.
 */
class BcryptAuthenticationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void operationsPipelinedAfterABcryptConnectRunOnlyOnceItIsAccepted() throws Exception {
		BrokerAuth auth = BrokerAuth.users(new BrokerUser("alice", bcrypt("wonderland", 8)));
		try (NatsBroker broker = started(auth, 0); RawClient client = new RawClient(broker.getPort())) {
			client.send("CONNECT {\"verbose\":false,\"user\":\"alice\",\"pass\":\"wonderland\"}\r\nSUB x 1\r\n"
					+ "PUB x 2\r\nhi\r\nPING\r\n");

			assertThat(client.readUntil("PONG\r\n", WAIT)).endsWith("\r\nMSG x 1 2\r\nhi\r\nPONG\r\n");
		}
	}

	@Test
	void operationsPipelinedAfterARefusedBcryptConnectAreNeverRun() throws Exception {
		BrokerAuth auth = BrokerAuth.users(new BrokerUser("alice", bcrypt("wonderland", 8)),
				new BrokerUser("bob", "builder"));
		try (NatsBroker broker = started(auth, 0);
				RawClient watcher = new RawClient(broker.getPort());
				RawClient intruder = new RawClient(broker.getPort())) {
			watcher.send("CONNECT {\"verbose\":false,\"user\":\"bob\",\"pass\":\"builder\"}\r\nSUB x 1\r\nPING\r\n")
				.readUntil("PONG\r\n", WAIT);

			intruder.send("CONNECT {\"verbose\":false,\"user\":\"alice\",\"pass\":\"guess\"}\r\nPUB x 2\r\nhi\r\n");

			assertThat(intruder.readUntilClosed(WAIT)).endsWith("\r\n-ERR 'Authorization Violation'\r\n");
			watcher.send("PING\r\n");
			assertThat(watcher.readUntil("PONG\r\nPONG\r\n", WAIT)).doesNotContain("MSG");
		}
	}

	@Test
	void aSlowCheckDoesNotHoldUpTheOtherClientsOfItsEventLoop() throws Exception {
		// cost 13 takes a good half second, and several on a loaded machine: past the default 2 s auth timeout
		BrokerAuth auth = BrokerAuth.users(new BrokerUser("slow", bcrypt("slow", 13)), new BrokerUser("fast", "fast"));
		BrokerLimits patient = BrokerLimits.builder().authTimeout(Duration.ofSeconds(20)).build();
		try (NatsBroker broker = started(auth, 1, patient);
				RawClient slow = new RawClient(broker.getPort());
				RawClient fast = new RawClient(broker.getPort())) {
			slow.send("CONNECT {\"verbose\":false,\"user\":\"slow\",\"pass\":\"slow\"}\r\nPING\r\n");
			fast.send("CONNECT {\"verbose\":false,\"user\":\"fast\",\"pass\":\"fast\"}\r\nPING\r\n");

			fast.readUntil("PONG\r\n", WAIT);
			// had the check run on the event loop, the slow client's PONG would already be in its socket
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> slow.readUntil("PONG\r\n", Duration.ofMillis(50)));
			assertThat(slow.readUntil("PONG\r\n", Duration.ofSeconds(20))).endsWith("PONG\r\n");
		}
	}

	private static String bcrypt(String password, int cost) {
		return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
	}

	private static NatsBroker started(BrokerAuth auth, int ioThreads) {
		return started(auth, ioThreads, BrokerLimits.defaults());
	}

	private static NatsBroker started(BrokerAuth auth, int ioThreads, BrokerLimits limits) {
		NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.auth(auth)
			.ioThreads(ioThreads)
			.limits(limits)
			.build());
		broker.start();
		return broker;
	}
}
