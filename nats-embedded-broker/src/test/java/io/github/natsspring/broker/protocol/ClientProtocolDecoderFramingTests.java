package io.github.natsspring.broker.protocol;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every client frame type decoded whole, split in two at every byte offset, and one byte at a time:
 * the operations reported must not depend on how the bytes were read.
 */
class ClientProtocolDecoderFramingTests {

	private static final String HEADERS_ON = "CONNECT {\"verbose\":false,\"headers\":true}\r\n";

	private static final String HEADERS_ON_EVENT = "CONNECT verbose=false headers=true name=null";

	static Stream<Arguments> frames() {
		return Stream.of(
				frame("CONNECT", "CONNECT {\"verbose\":false,\"headers\":true,\"name\":\"n 1\"}\r\n",
						"CONNECT verbose=false headers=true name=n 1"),
				frame("PING", "PING\r\n", "PING"),
				frame("PONG", "PONG\r\n", "PONG"),
				frame("PUB", "PUB foo 5\r\nhello\r\n", "PUB foo null [hello]"),
				frame("PUB with reply", "PUB foo _INBOX.1 5\r\nhello\r\n", "PUB foo _INBOX.1 [hello]"),
				frame("HPUB", HEADERS_ON + "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", HEADERS_ON_EVENT,
						"HPUB foo null 12 [NATS/1.0\r\n\r\nhi]"),
				frame("HPUB with reply", HEADERS_ON + "HPUB foo bar 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", HEADERS_ON_EVENT,
						"HPUB foo bar 12 [NATS/1.0\r\n\r\nhi]"),
				frame("SUB", "SUB foo.* 1\r\n", "SUB foo.* null 1"),
				frame("SUB with queue", "SUB foo.> workers 22\r\n", "SUB foo.> workers 22"),
				frame("UNSUB", "UNSUB 1\r\n", "UNSUB 1 -1"),
				frame("UNSUB with max", "UNSUB 1 10\r\n", "UNSUB 1 10"),
				frame("+OK", "+OK\r\n", "+OK"),
				frame("-ERR", "-ERR 'Stale Connection'\r\n", "-ERR 'Stale Connection'"),
				frame("INFO", "INFO {\"server_id\":\"x\",\"connect_urls\":[\"a:1\"]}\r\n", "INFO"),
				frame("empty payload", "PUB foo 0\r\n\r\n", "PUB foo null []"),
				frame("payload containing CRLF", "PUB foo 11\r\nhello\r\nPING\r\n", "PUB foo null [hello\r\nPING]"),
				frame("HPUB with empty payload", HEADERS_ON + "HPUB foo 12 12\r\nNATS/1.0\r\n\r\n\r\n", HEADERS_ON_EVENT,
						"HPUB foo null 12 [NATS/1.0\r\n\r\n]"));
	}

	private static Arguments frame(String name, String input, String... expected) {
		return Arguments.of(Named.of(name, input), List.of(expected));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("frames")
	void frameFedWholeIsReported(String input, List<String> expected) {
		assertThat(DecoderRun.whole(input)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("frames")
	void frameSplitInTwoAtEveryOffsetIsReported(String input, List<String> expected) {
		for (int offset = 0; offset <= input.length(); offset++) {
			assertThat(DecoderRun.splitAt(input, offset)).as("split at %d", offset).containsExactlyElementsOf(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("frames")
	void frameFedOneByteAtATimeIsReported(String input, List<String> expected) {
		assertThat(DecoderRun.byteByByte(input)).containsExactlyElementsOf(expected);
	}

	@Test
	void pipelinedFramesAreReportedInOrderWhateverTheSplit() {
		StringBuilder input = new StringBuilder(HEADERS_ON);
		frames().map((arguments) -> (String) ((Named<?>) arguments.get()[0]).getPayload())
			.filter((frame) -> !frame.startsWith("-ERR"))
			.forEach(input::append);
		// The client's -ERR ends the conversation: nats-server closes and reads nothing after it.
		input.append("-ERR 'last'\r\n");
		List<String> expected = DecoderRun.whole(input.toString());
		assertThat(expected).hasSizeGreaterThan(16).endsWith("-ERR 'last'").noneMatch((e) -> e.startsWith("VIOLATION"));
		for (int chunk = 1; chunk < 64; chunk++) {
			assertThat(DecoderRun.chunks(DecoderRun.bytes(input.toString()), chunk)).as("chunks of %d", chunk)
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void manyPublishesInOneReadAreAllDelivered() {
		String input = "PUB a 1\r\nx\r\n".repeat(1000);
		assertThat(DecoderRun.whole(input)).hasSize(1000).containsOnly("PUB a null [x]");
	}
}
