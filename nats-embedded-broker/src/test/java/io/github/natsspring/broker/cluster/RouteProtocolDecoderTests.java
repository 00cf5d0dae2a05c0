package io.github.natsspring.broker.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The route protocol decoder on the frames of routes.md, whole and split at every offset. */
class RouteProtocolDecoderTests {

	private static final String STREAM = "INFO {\"server_id\":\"NA\",\"cluster\":\"demo\"} \r\n"
			+ "CONNECT {\"echo\":true,\"name\":\"NB\"}\r\n" + "PING\r\n" + "PONG\r\n" + "RS+ $G foo\r\n"
			+ "RS+ $G foo q 2\r\n" + "RS- $G foo q\r\n" + "RS- $G foo\r\n" + "RMSG $G bar 5\r\nhello\r\n"
			+ "RMSG $G bar rep.1 5\r\nhello\r\n" + "RMSG $G qq | grp 2\r\nhi\r\n"
			+ "RMSG $G qq + rep.2 grp other 2\r\nhi\r\n" + "HMSG $G bar 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"
			+ "HMSG $G qq + rep.3 grp 12 14\r\nNATS/1.0\r\n\r\nhi\r\n" + "rs+ $SYS $SYS.REQ.SERVER.PING\r\n"
			+ "-ERR 'Rejecting connection, cluster name \"other\" does not match \"demo\"'\r\n";

	private static final List<String> EXPECTED = List.of("INFO {\"server_id\":\"NA\",\"cluster\":\"demo\"} ",
			"CONNECT {\"echo\":true,\"name\":\"NB\"}", "PING", "PONG", "SUB $G foo null 1", "SUB $G foo q 2",
			"UNSUB $G foo q", "UNSUB $G foo null", "MSG $G bar null [] -1 hello", "MSG $G bar rep.1 [] -1 hello",
			"MSG $G qq null [grp] -1 hi", "MSG $G qq rep.2 [grp, other] -1 hi",
			"MSG $G bar null [] 12 NATS/1.0\r\n\r\nhi", "MSG $G qq rep.3 [grp] 12 NATS/1.0\r\n\r\nhi",
			"SUB $SYS $SYS.REQ.SERVER.PING null 1",
			"ERR 'Rejecting connection, cluster name \"other\" does not match \"demo\"'");

	@Test
	void decodesEveryRouteOperation() throws ProtocolViolation {
		assertThat(decode(STREAM.getBytes(StandardCharsets.UTF_8).length)).isEqualTo(EXPECTED);
	}

	@Test
	void decodesTheSameWhenSplitAtAnyOffset() throws ProtocolViolation {
		byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
		for (int split = 1; split < bytes.length; split++) {
			assertThat(decode(split)).as("split at %d", split).isEqualTo(EXPECTED);
		}
	}

	@Test
	void decodesTheSameFedOneByteAtATime() throws ProtocolViolation {
		assertThat(decode(1, 1)).isEqualTo(EXPECTED);
	}

	@Test
	void refusesAnUnknownOperation() {
		RouteProtocolDecoder decoder = new RouteProtocolDecoder(1024);
		assertThatThrownBy(() -> decoder.decode(buffer("SUB foo 1\r\n"), new Recorder()))
			.isInstanceOf(ProtocolViolation.class);
	}

	@Test
	void refusesAMessageNotFollowedByCrlf() {
		RouteProtocolDecoder decoder = new RouteProtocolDecoder(1024);
		assertThatThrownBy(() -> decoder.decode(buffer("RMSG $G a 2\r\nhiX\r\n"), new Recorder()))
			.isInstanceOf(ProtocolViolation.class);
	}

	@Test
	void refusesAMessageOverTheMaximumPayload() {
		RouteProtocolDecoder decoder = new RouteProtocolDecoder(4);
		assertThatThrownBy(() -> decoder.decode(buffer("RMSG $G a 5\r\nhello\r\n"), new Recorder()))
			.isInstanceOf(ProtocolViolation.class);
	}

	@Test
	void returnsTheSameSubjectStringWhileItRepeats() throws ProtocolViolation {
		Recorder recorder = new Recorder();
		new RouteProtocolDecoder(1024).decode(buffer("RMSG $G same 1\r\na\r\nRMSG $G same 1\r\nb\r\n"), recorder);
		assertThat(recorder.subjects).hasSize(2);
		assertThat(recorder.subjects.get(0)).isSameAs(recorder.subjects.get(1));
	}

	private static List<String> decode(int firstSplit) throws ProtocolViolation {
		return decode(firstSplit, Integer.MAX_VALUE);
	}

	/** Feeds the stream as a first chunk of {@code firstSplit} bytes, then chunks of {@code chunk}. */
	private static List<String> decode(int firstSplit, int chunk) throws ProtocolViolation {
		byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
		RouteProtocolDecoder decoder = new RouteProtocolDecoder(1024);
		Recorder recorder = new Recorder();
		int from = 0;
		int size = firstSplit;
		while (from < bytes.length) {
			int to = (int) Math.min(bytes.length, (long) from + size);
			ByteBuf part = Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from, to));
			decoder.decode(part, recorder);
			assertThat(part.isReadable()).isFalse();
			from = to;
			size = chunk;
		}
		return recorder.operations;
	}

	private static ByteBuf buffer(String text) {
		return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
	}

	private static final class Recorder implements RouteOpHandler {

		private final List<String> operations = new ArrayList<>();

		private final List<String> subjects = new ArrayList<>();

		@Override
		public void onConnect(String json) {
			this.operations.add("CONNECT " + json);
		}

		@Override
		public void onInfo(String json) {
			this.operations.add("INFO " + json);
		}

		@Override
		public void onPing() {
			this.operations.add("PING");
		}

		@Override
		public void onPong() {
			this.operations.add("PONG");
		}

		@Override
		public void onErr(String text) {
			this.operations.add("ERR " + text);
		}

		@Override
		public void onSub(String account, String subject, String queue, int weight) {
			this.operations.add("SUB " + account + " " + subject + " " + queue + " " + weight);
		}

		@Override
		public void onUnsub(String account, String subject, String queue) {
			this.operations.add("UNSUB " + account + " " + subject + " " + queue);
		}

		@Override
		public void onMsg(String account, String subject, String replyTo, String[] queues, int queueCount,
				int headerSize, ByteBuf content) {
			this.subjects.add(subject);
			this.operations.add("MSG " + account + " " + subject + " " + replyTo + " "
					+ Arrays.toString(Arrays.copyOf(queues, queueCount)) + " " + headerSize + " "
					+ content.toString(StandardCharsets.UTF_8));
		}
	}
}
