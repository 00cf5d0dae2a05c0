package io.github.natsspring.broker.protocol;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maximum control line (4096 here, nats-server's default), as nats-server 2.9.10 enforces it: on
 * the argument only (not the operation name nor the blanks after it), refused with
 * {@code maximum control line exceeded} when the line is complete and over, and as soon as the bytes
 * of an unfinished argument exceed it; lines of PING/PONG/+OK or runs of blanks are never limited.
 */
class ClientProtocolDecoderControlLineTests {

	private static final String MAX_CONTROL_LINE = "VIOLATION MAX_CONTROL_LINE";

	private static String a(int count) {
		return "a".repeat(count);
	}

	@Test
	void argumentOfExactlyTheLimitIsAccepted() {
		assertThat(DecoderRun.whole("SUB " + a(4094) + " 1\r\n")).containsExactly("SUB " + a(4094) + " null 1");
		assertThat(DecoderRun.whole("SUB " + a(4094) + " 1\n")).containsExactly("SUB " + a(4094) + " null 1");
	}

	@Test
	void argumentOneByteOverTheLimitIsRefused() {
		assertThat(DecoderRun.whole("SUB " + a(4095) + " 1\r\n")).containsExactly(MAX_CONTROL_LINE);
		assertThat(DecoderRun.whole("SUB " + a(4095) + " 1\n")).containsExactly(MAX_CONTROL_LINE);
	}

	@Test
	void blanksAfterTheOperationNameDoNotCount() {
		assertThat(DecoderRun.whole("SUB " + " ".repeat(100) + a(4094) + " 1\r\n")).containsExactly("SUB " + a(4094) + " null 1");
	}

	@Test
	void connectIsLimitedToo() {
		String json = "{\"name\":\"" + a(4096 - 11) + "\"}";
		assertThat(json).hasSize(4096);
		assertThat(DecoderRun.whole("CONNECT " + json + "\r\n")).hasSize(1).first().asString().startsWith("CONNECT");
		assertThat(DecoderRun.whole("CONNECT {\"name\":\"" + a(4097 - 11) + "\"}\r\n")).containsExactly(MAX_CONTROL_LINE);
	}

	@Test
	void everyArgumentLineIsLimited() {
		for (String op : List.of("PUB ", "HPUB ", "UNSUB ", "-ERR ", "INFO ", "CONNECT ")) {
			assertThat(DecoderRun.whole("CONNECT {\"headers\":true}\r\n" + op + a(5000) + "\r\n")).as(op).endsWith(MAX_CONTROL_LINE);
		}
	}

	@Test
	void unfinishedArgumentIsRefusedOnceOverTheLimit() {
		assertThat(DecoderRun.whole("SUB " + a(4096))).isEmpty();
		assertThat(DecoderRun.whole("SUB " + a(4096) + "\r")).isEmpty();
		assertThat(DecoderRun.whole("SUB " + a(4097))).containsExactly(MAX_CONTROL_LINE);
	}

	@Test
	void argumentOverTheLimitIsRefusedWhereverItIsSplit() {
		String input = "PING\r\nSUB " + a(3000) + " " + a(1094) + " 1\r\nPING\r\n";
		for (int offset = 0; offset <= input.length(); offset += 7) {
			assertThat(DecoderRun.splitAt(input, offset)).as("split at %d", offset).containsExactly("PING", MAX_CONTROL_LINE);
		}
		assertThat(DecoderRun.byteByByte(input)).containsExactly("PING", MAX_CONTROL_LINE);
	}

	@Test
	void argumentOfExactlyTheLimitIsAcceptedWhereverItIsSplit() {
		String input = "SUB " + a(4094) + " 1\r\nPING\r\n";
		for (int offset = 0; offset <= input.length(); offset += 7) {
			assertThat(DecoderRun.splitAt(input, offset)).as("split at %d", offset).containsExactly("SUB " + a(4094) + " null 1", "PING");
		}
		assertThat(DecoderRun.byteByByte(input)).containsExactly("SUB " + a(4094) + " null 1", "PING");
	}

	@Test
	void junkAfterPingIsNeverLimited() {
		assertThat(DecoderRun.chunks(DecoderRun.bytes("PING" + a(100_000) + "\r\n"), 1000)).containsExactly("PING");
	}

	@Test
	void blanksAfterAnOperationNameAreNeverLimited() {
		assertThat(DecoderRun.chunks(DecoderRun.bytes("PUB" + " ".repeat(100_000)), 1000)).isEmpty();
	}

	@Test
	void smallerLimitIsHonoured() {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(10, 1024);
		assertThat(DecoderRun.feed(decoder, List.of(DecoderRun.bytes("SUB 123456789 1\r\n")))).containsExactly(MAX_CONTROL_LINE);
	}
}
