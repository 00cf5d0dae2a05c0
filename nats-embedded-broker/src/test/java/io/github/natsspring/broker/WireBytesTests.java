package io.github.natsspring.broker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subjects, reply subjects and sids are opaque bytes on the wire: nats-server delivers whatever bytes a
 * client used, valid UTF-8 or not, and so must the broker.
 */
class WireBytesTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void subjectsReplySubjectsAndSidsThatAreNotUtf8AreDeliveredByteForByte() throws Exception {
		byte[] subject = { 'a', '.', (byte) 0xff, (byte) 0xc3 };
		byte[] reply = { 'r', (byte) 0xfe };
		byte[] sid = { 's', (byte) 0x80 };
		assertDeliveredExactly(subject, reply, sid);
	}

	@Test
	void utf8SubjectsAreDeliveredByteForByte() throws Exception {
		assertDeliveredExactly("commandes.reçues".getBytes(StandardCharsets.UTF_8),
				"réponse.1".getBytes(StandardCharsets.UTF_8), "1".getBytes(StandardCharsets.UTF_8));
	}

	private static void assertDeliveredExactly(byte[] subject, byte[] reply, byte[] sid) throws Exception {
		try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			broker.start();
			try (RawClient client = new RawClient(broker.getPort())) {
				client.send(concat("CONNECT {\"verbose\":false}\r\nSUB ", subject, " ", sid, "\r\nPUB ", subject, " ",
						reply, " 2\r\nhi\r\nPING\r\n"));
				client.readUntil("PONG\r\n", WAIT);
				byte[] expected = concat("MSG ", subject, " ", sid, " ", reply, " 2\r\nhi\r\nPONG\r\n");
				byte[] received = client.bytes();
				byte[] tail = java.util.Arrays.copyOfRange(received, received.length - expected.length, received.length);
				assertThat(tail).isEqualTo(expected);
			}
		}
	}

	private static byte[] concat(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			byte[] bytes = (part instanceof byte[] raw) ? raw : ((String) part).getBytes(StandardCharsets.UTF_8);
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}
}
