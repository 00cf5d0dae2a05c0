package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-exact output of the server frames, compared with what nats-server 2.9.10 sends. */
class ServerFramesTests {

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static String written(ByteBuf out) {
		try {
			return out.toString(StandardCharsets.UTF_8);
		}
		finally {
			out.release();
		}
	}

	@Test
	void msgWithoutReply() {
		ByteBuf out = Unpooled.buffer(1);
		ServerFrames.writeMsg(out, ascii("foo.bar"), ascii("12"), null, Unpooled.copiedBuffer(ascii("hello")));
		assertThat(written(out)).isEqualTo("MSG foo.bar 12 5\r\nhello\r\n");
	}

	@Test
	void msgWithReply() {
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeMsg(out, ascii("foo"), ascii("1"), ascii("_INBOX.x"), Unpooled.copiedBuffer(ascii("hi")));
		assertThat(written(out)).isEqualTo("MSG foo 1 _INBOX.x 2\r\nhi\r\n");
	}

	@Test
	void msgWithEmptyPayload() {
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeMsg(out, ascii("foo"), ascii("1"), null, Unpooled.EMPTY_BUFFER);
		assertThat(written(out)).isEqualTo("MSG foo 1 0\r\n\r\n");
	}

	@Test
	void msgSizesOfEveryDigitCount() {
		for (int size : new int[] { 9, 10, 99, 100, 1_048_576 }) {
			ByteBuf out = Unpooled.buffer();
			ServerFrames.writeMsg(out, ascii("s"), ascii("1"), null, Unpooled.wrappedBuffer(new byte[size]));
			String frame = written(out);
			assertThat(frame).startsWith("MSG s 1 " + size + "\r\n").hasSize(("MSG s 1 " + size + "\r\n").length() + size + 2);
		}
	}

	@Test
	void payloadWrittenToManySubscribersKeepsItsReaderIndex() {
		ByteBuf payload = Unpooled.copiedBuffer(ascii("xxhello")).skipBytes(2);
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeMsg(out, ascii("a"), ascii("1"), null, payload);
		ServerFrames.writeMsg(out, ascii("a"), ascii("2"), null, payload);
		assertThat(payload.readerIndex()).isEqualTo(2);
		assertThat(written(out)).isEqualTo("MSG a 1 5\r\nhello\r\nMSG a 2 5\r\nhello\r\n");
	}

	@Test
	void hmsgWithAndWithoutReply() {
		ByteBuf block = Unpooled.copiedBuffer(ascii("NATS/1.0\r\n\r\nhi"));
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeHmsg(out, ascii("foo"), ascii("1"), ascii("r"), 12, block);
		ServerFrames.writeHmsg(out, ascii("foo"), ascii("1"), null, 12, block);
		// nats-server: "HMSG foo 1 r 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"
		assertThat(written(out)).isEqualTo("HMSG foo 1 r 12 14\r\nNATS/1.0\r\n\r\nhi\r\nHMSG foo 1 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");
	}

	@Test
	void msgSizeIsPaddedToTheDigitsThePublisherWrote() {
		// nats-server: "PUB foo r 00\r\n\r\n" is delivered as "MSG foo 1 r 00\r\n\r\n".
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeMsg(out, ascii("foo"), ascii("1"), ascii("r"), Unpooled.EMPTY_BUFFER, 2);
		ServerFrames.writeMsg(out, ascii("foo"), ascii("1"), null, Unpooled.copiedBuffer(ascii("hello")), 9);
		ServerFrames.writeMsg(out, ascii("foo"), ascii("1"), null, Unpooled.copiedBuffer(ascii("hello")), 0);
		assertThat(written(out)).isEqualTo("MSG foo 1 r 00\r\n\r\nMSG foo 1 000000005\r\nhello\r\nMSG foo 1 5\r\nhello\r\n");
	}

	@Test
	void hmsgSizesArePaddedToTheDigitsThePublisherWrote() {
		// nats-server: "HPUB foo 012 0014" is delivered as "HMSG foo 1 012 0014".
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeHmsg(out, ascii("foo"), ascii("1"), null, 12, 3, Unpooled.copiedBuffer(ascii("NATS/1.0\r\n\r\nhi")), 4);
		assertThat(written(out)).isEqualTo("HMSG foo 1 012 0014\r\nNATS/1.0\r\n\r\nhi\r\n");
	}

	@Test
	void noRespondersStatusFrame() {
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeHmsg(out, ascii("_INBOX.a"), ascii("3"), null, 16, Unpooled.copiedBuffer(ascii("NATS/1.0 503\r\n\r\n")));
		assertThat(written(out)).isEqualTo("HMSG _INBOX.a 3 16 16\r\nNATS/1.0 503\r\n\r\n\r\n");
	}

	@Test
	void pingPongOkAndErr() {
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writePing(out);
		ServerFrames.writePong(out);
		ServerFrames.writeOk(out);
		ServerFrames.writeErr(out, ProtocolViolation.Kind.UNKNOWN_OPERATION.errText());
		assertThat(written(out)).isEqualTo("PING\r\nPONG\r\n+OK\r\n-ERR 'Unknown Protocol Operation'\r\n");
	}

	@Test
	void infoMatchesNatsServerByteForByte() {
		// Captured from nats-server 2.9.10 (-a 127.0.0.1 -p 14233), first client.
		String captured = "INFO {\"server_id\":\"NDHD25ZUEVGZJ5NI3EY5PTYVNZJIIPRSJREVQQYHIXLAV34JUSS3BDJA\","
				+ "\"server_name\":\"NDHD25ZUEVGZJ5NI3EY5PTYVNZJIIPRSJREVQQYHIXLAV34JUSS3BDJA\",\"version\":\"2.9.10\","
				+ "\"proto\":1,\"go\":\"go1.19.8\",\"host\":\"127.0.0.1\",\"port\":14233,\"headers\":true,"
				+ "\"max_payload\":1048576,\"client_id\":145,\"client_ip\":\"127.0.0.1\"} \r\n";
		ServerInfo info = new ServerInfo("NDHD25ZUEVGZJ5NI3EY5PTYVNZJIIPRSJREVQQYHIXLAV34JUSS3BDJA",
				"NDHD25ZUEVGZJ5NI3EY5PTYVNZJIIPRSJREVQQYHIXLAV34JUSS3BDJA", "2.9.10", 1, "go1.19.8", "127.0.0.1", 14233,
				true, false, false, false, false, 1048576, false, 0, null, null, null, null, false)
			.withClient(145, "127.0.0.1");
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeInfo(out, info);
		assertThat(written(out)).isEqualTo(captured);
	}

	@Test
	void infoWithAuthJetStreamClusterAndConnectUrlsInNatsServerOrder() {
		// Field order captured from nats-server 2.9.10 with --user/--pass, -js and a two-server cluster.
		ServerInfo info = new ServerInfo("ID", "srvA", "2.9.10", 1, null, "127.0.0.1", 4222, true, true, false, false,
				false, 1048576, true, 5, "127.0.0.1", null, "c1", List.of("127.0.0.1:4222", "127.0.0.1:4223"), false);
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeInfo(out, info);
		assertThat(written(out)).isEqualTo("INFO {\"server_id\":\"ID\",\"server_name\":\"srvA\",\"version\":\"2.9.10\","
				+ "\"proto\":1,\"host\":\"127.0.0.1\",\"port\":4222,\"headers\":true,\"auth_required\":true,"
				+ "\"max_payload\":1048576,\"jetstream\":true,\"client_id\":5,\"client_ip\":\"127.0.0.1\",\"cluster\":\"c1\","
				+ "\"connect_urls\":[\"127.0.0.1:4222\",\"127.0.0.1:4223\"]} \r\n");
	}

	@Test
	void infoTlsNonceAndLameDuckFields() {
		ServerInfo info = new ServerInfo("ID", "ID", "2.9.10", 1, null, "0.0.0.0", 4222, true, false, true, true, true,
				1024, false, 0, null, null, null, List.of(), false)
			.withNonce("abc")
			.withLameDuckMode();
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeInfo(out, info);
		assertThat(written(out)).isEqualTo("INFO {\"server_id\":\"ID\",\"server_name\":\"ID\",\"version\":\"2.9.10\","
				+ "\"proto\":1,\"host\":\"0.0.0.0\",\"port\":4222,\"headers\":true,\"tls_required\":true,\"tls_verify\":true,"
				+ "\"tls_available\":true,\"max_payload\":1024,\"nonce\":\"abc\",\"ldm\":true} \r\n");
	}

	@Test
	void infoStringsAreEscapedLikeGo() {
		// Go's json.Marshal escapes <, > and & and writes other control characters as lower-case \\u00xx.
		ServerInfo info = new ServerInfo("ID", "a<b>&c\n\u0001\u2028é", "2.9.10", 1, null, "h", 1, true, false, false,
				false, false, 1, false, 0, null, null, null, null, false);
		ByteBuf out = Unpooled.buffer();
		ServerFrames.writeInfo(out, info);
		assertThat(written(out)).contains("\"server_name\":\"a\\u003cb\\u003e\\u0026c\\n\\u0001\\u2028é\"");
	}
}
