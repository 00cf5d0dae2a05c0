package io.github.natsspring.broker.protocol;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the decoder treats unusual but accepted input and malformed input. Each expectation was first
 * observed on nats-server 2.9.10 over a raw socket (what it answered, and whether it closed).
 */
class ClientProtocolDecoderBehaviourTests {

	private static final String UNKNOWN = "VIOLATION UNKNOWN_OPERATION";

	private static final String SILENT = "VIOLATION SILENT_CLOSE";

	private static final String MAX_PAYLOAD = "VIOLATION MAX_PAYLOAD";

	@Test
	void operationNamesAreCaseInsensitive() {
		assertThat(DecoderRun.whole("ping\r\nPiNg\r\npub foo 1\r\nx\r\nsUb foo 1\r\nunsub 1\r\n+ok\r\n"))
			.containsExactly("PING", "PING", "PUB foo null [x]", "SUB foo null 1", "UNSUB 1 -1", "+OK");
	}

	@Test
	void tabsAndRunsOfSpacesSeparateArguments() {
		// nats-server: "PUB\t foo \t r  5  \r\n" delivers to foo with reply r.
		assertThat(DecoderRun.whole("PUB\t foo \t r  5  \r\nhello\r\nSUB\tfoo\t\tq\t 1\r\nUNSUB \t1\t 5\r\n"))
			.containsExactly("PUB foo r [hello]", "SUB foo q 1", "UNSUB 1 5");
	}

	@Test
	void anythingAfterPingPongOrOkUpToTheLineFeedIsIgnored() {
		assertThat(DecoderRun.whole("PINGjunk\r\nPINGPONG\r\nPONG x\r\n+OKjunk\r\n"))
			.containsExactly("PING", "PING", "PONG", "+OK");
	}

	@Test
	void bareLineFeedEndsAControlLine() {
		assertThat(DecoderRun.whole("PING\nSUB foo 1\nPUB foo 5\nhello\r\n"))
			.containsExactly("PING", "SUB foo null 1", "PUB foo null [hello]");
	}

	@Test
	void payloadMustEndWithCarriageReturnLineFeed() {
		assertThat(DecoderRun.whole("PUB foo 5\nhello\n")).containsExactly(UNKNOWN);
	}

	@Test
	void payloadLongerThanItsSizeIsAnUnknownOperationAndNothingIsDelivered() {
		assertThat(DecoderRun.whole("PING\r\nPUB foo 5\r\nhello world\r\n")).containsExactly("PING", UNKNOWN);
	}

	@Test
	void wrongByteAfterPayloadIsReportedBeforeTheLineEnds() {
		assertThat(DecoderRun.whole("PUB foo 5\r\nhello ")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("PUB foo 5\r\nhello\rX")).containsExactly(UNKNOWN);
	}

	@Test
	void leadingWhiteSpaceOrEmptyLineIsAnUnknownOperation() {
		assertThat(DecoderRun.whole(" PING\r\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("\r\nPING\r\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("\n")).containsExactly(UNKNOWN);
	}

	@Test
	void unknownOperationIsReportedAtTheFirstImpossibleByteWithoutWaitingForTheLineEnd() {
		assertThat(DecoderRun.whole("PIX")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("+OX")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("CONNEC\r\n")).containsExactly(UNKNOWN);
	}

	@Test
	void msgFromAClientIsUnknownAtItsFirstByte() {
		assertThat(DecoderRun.whole("M")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("R")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("A")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("L")).containsExactly(UNKNOWN);
	}

	@Test
	void hmsgFromAClientIsReadToTheLineFeedThenUnknown() {
		// nats-server waits on "HMSG foo" and refuses at the line feed, after its control line check.
		assertThat(DecoderRun.whole("HMSG foo 1 2")).isEmpty();
		assertThat(DecoderRun.whole("hmsg\t foo 1 2\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("HMSG\r\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("HMX")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("HMSG " + "a".repeat(4096) + "\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("HMSG " + "a".repeat(4097) + "\n")).containsExactly("VIOLATION MAX_CONTROL_LINE");
	}

	@Test
	void operationsBeforeAViolationAreReported() {
		assertThat(DecoderRun.whole("SUB foo 1\r\nPING\r\nXYZ\r\nPING\r\n"))
			.containsExactly("SUB foo null 1", "PING", UNKNOWN);
	}

	@Test
	void pubWithoutArgumentsOrSeparatorIsAnUnknownOperation() {
		assertThat(DecoderRun.whole("PUB\r\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("PUBX foo 1\r\n")).containsExactly(UNKNOWN);
	}

	@Test
	void pubWithBadSizeOrArgumentCountClosesSilently() {
		assertThat(DecoderRun.whole("PUB \r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("PUB foo\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("PUB foo x\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("PUB foo -1\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("PUB foo a b 5\r\n")).containsExactly(SILENT);
	}

	@Test
	void sizeHasAtMostNineDigits() {
		assertThat(DecoderRun.whole("PUB foo 000000005\r\nhello\r\n")).containsExactly("PUB foo null [hello]");
		assertThat(DecoderRun.whole("PUB foo 0000000005\r\nhello\r\n")).containsExactly(SILENT);
	}

	@Test
	void pubOverMaxPayloadIsRefusedOnItsControlLine() {
		assertThat(DecoderRun.whole("PUB foo 1048577\r\n")).containsExactly(MAX_PAYLOAD);
		assertThat(DecoderRun.whole("PUB foo 1048576\r\n")).isEmpty();
	}

	@Test
	void payloadLimitIsCheckedWhereverTheControlLineIsSplit() {
		String input = "PING\r\nPUB foo 1048577\r\nPING\r\n";
		for (int offset = 0; offset <= input.length(); offset++) {
			assertThat(DecoderRun.splitAt(input, offset)).as("split at %d", offset).containsExactly("PING", MAX_PAYLOAD);
		}
	}

	@Test
	void maxPayloadCanBeLoweredForLaterPublishes() {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		decoder.setMaxPayload(3);
		assertThat(DecoderRun.feed(decoder, List.of(DecoderRun.bytes("PUB a 3\r\nabc\r\nPUB a 4\r\n"))))
			.containsExactly("PUB a null [abc]", MAX_PAYLOAD);
	}

	@Test
	void hpubFromAClientWithoutHeadersClosesSilently() {
		assertThat(DecoderRun.whole("HPUB foo 2 2\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("CONNECT {\"headers\":false}\r\nHPUB foo 2 2\r\n")).endsWith(SILENT);
	}

	@Test
	void hpubWithBadSizesOrArgumentCountClosesSilently() {
		String headersOn = "CONNECT {\"headers\":true}\r\n";
		assertThat(DecoderRun.whole(headersOn + "HPUB foo 14 12\r\n")).endsWith(SILENT);
		assertThat(DecoderRun.whole(headersOn + "HPUB foo 12\r\n")).endsWith(SILENT);
		assertThat(DecoderRun.whole(headersOn + "HPUB foo a b 1 2\r\n")).endsWith(SILENT);
		assertThat(DecoderRun.whole(headersOn + "HPUB foo x 2\r\n")).endsWith(SILENT);
		assertThat(DecoderRun.whole(headersOn + "HPUB foo 2 x\r\n")).endsWith(SILENT);
	}

	@Test
	void hpubOverMaxPayloadIsRefusedOnItsControlLine() {
		assertThat(DecoderRun.whole("CONNECT {\"headers\":true}\r\nHPUB foo 2 2000000\r\n")).endsWith(MAX_PAYLOAD);
	}

	@Test
	void bareHpubIsAnUnknownOperation() {
		assertThat(DecoderRun.whole("CONNECT {\"headers\":true}\r\nHPUB\r\n")).endsWith(UNKNOWN);
	}

	@Test
	void bareSubIsAnUnknownOperationButWrongArgumentCountClosesSilently() {
		assertThat(DecoderRun.whole("SUB\r\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("SUB \r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("SUB foo\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("SUB a b c d\r\n")).containsExactly(SILENT);
	}

	@Test
	void bareUnsubIsAnUnknownOperationButWrongArgumentCountClosesSilently() {
		assertThat(DecoderRun.whole("UNSUB\r\n")).containsExactly(UNKNOWN);
		assertThat(DecoderRun.whole("UNSUB \r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("UNSUB 1 2 3\r\n")).containsExactly(SILENT);
	}

	@Test
	void unsubWithUnparsableMaxReportsMinusOne() {
		// nats-server then removes the subscription at once, as for max 0.
		assertThat(DecoderRun.whole("UNSUB 1 x\r\nUNSUB 2 0000000001\r\nUNSUB 3 0\r\n"))
			.containsExactly("UNSUB 1 -1", "UNSUB 2 -1", "UNSUB 3 0");
	}

	@Test
	void connectArgumentMayFollowTheNameDirectlyOrOnTheNextLine() {
		assertThat(DecoderRun.whole("CONNECT{\"verbose\":false}\r\n"))
			.containsExactly("CONNECT verbose=false headers=false name=null");
		// The first byte after CONNECT always belongs to the argument, even a line feed.
		assertThat(DecoderRun.whole("CONNECT\n{\"verbose\":false}\n"))
			.containsExactly("CONNECT verbose=false headers=false name=null");
	}

	@Test
	void connectWithoutJsonOrWithBadJsonClosesSilently() {
		assertThat(DecoderRun.whole("CONNECT\r\nPING\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("CONNECT []\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("CONNECT {\"verbose\":false} x\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("CONNECTX {}\r\n")).containsExactly(SILENT);
	}

	@Test
	void connectWithMalformedUtf8InsideAStringIsAccepted() {
		// Go replaces malformed UTF-8 in JSON strings instead of failing.
		assertThat(DecoderRun.whole("CONNECT {\"name\":\"\u00ff\"}\r\n")).containsExactly(
				"CONNECT verbose=true headers=false name=\ufffd");
	}

	@Test
	void laterConnectKeepsFieldsItDoesNotMention() {
		assertThat(DecoderRun.whole("CONNECT {\"verbose\":false}\r\nCONNECT {\"name\":\"x\"}\r\nCONNECT null\r\n"))
			.containsExactly("CONNECT verbose=false headers=false name=null", "CONNECT verbose=false headers=false name=x",
					"CONNECT verbose=false headers=false name=x");
	}

	@Test
	void clientInfoNeedsAJsonObjectOrNull() {
		assertThat(DecoderRun.whole("INFO {}\r\nINFO null\r\nINFO\t{\"a\":[1]}\r\n")).containsExactly("INFO", "INFO", "INFO");
		assertThat(DecoderRun.whole("INFO\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO x\r\n")).containsExactly(SILENT);
	}

	@Test
	void clientInfoWithAKnownFieldOfTheWrongTypeClosesSilently() {
		assertThat(DecoderRun.whole("INFO {\"port\":\"x\"}\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO {\"connect_urls\":[1]}\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO {\"PORT\":\"x\"}\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO {\"client_id\":-1}\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO {\"max_payload\":3000000000}\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO {\"proto\":1.5}\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO {\"import\":1}\r\n")).containsExactly(SILENT);
		assertThat(DecoderRun.whole("INFO {\"zz\":\"x\",\"PORT\":3000000000,\"connect_urls\":[\"a\",null]}\r\n"))
			.containsExactly("INFO");
	}

	@Test
	void clientErrEndsDecoding() {
		assertThat(DecoderRun.whole("-ERR x\r\nPING\r\n")).containsExactly("-ERR x");
		assertThat(DecoderRun.whole("-ERR\t'x'\r\nPING\r\n")).containsExactly("-ERR 'x'");
		assertThat(DecoderRun.whole("-ERR\r\n")).containsExactly(UNKNOWN);
	}

	@Test
	void carriageReturnInsideAnArgumentDropsTheByteBeforeTheLineFeed() {
		// nats-server keeps a "drop" flag once it sees CR: "PUB foo 5\rX\n" becomes "foo 5\r" -> bad size.
		assertThat(DecoderRun.whole("PUB foo 5\rX\nhello\r\n")).containsExactly(SILENT);
		// PUB splits its arguments on spaces and tabs only; SUB and UNSUB also on CR and LF.
		assertThat(DecoderRun.whole("PUB foo\r 0\r\n\r\nSUB foo\r 1\r\n"))
			.containsExactly("PUB foo\r null []", "SUB foo null 1");
	}

	@Test
	void digitsOfTheSizesAsWrittenAreAvailableDuringTheCallback() throws ProtocolViolation {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		List<String> seen = new ArrayList<>();
		ClientOpHandler handler = new RecordingHandler() {

			@Override
			public void onPub(String subject, String replyTo, ByteBuf payload) {
				seen.add("PUB " + decoder.sizeDigits());
			}

			@Override
			public void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) {
				seen.add("HPUB " + decoder.headerSizeDigits() + " " + decoder.sizeDigits());
			}
		};
		ByteBuf in = Unpooled.copiedBuffer(DecoderRun.bytes(
				"CONNECT {\"headers\":true}\r\nPUB a 005\r\nhello\r\nPUB a 5\r\nhello\r\nHPUB a 012 0014\r\nNATS/1.0\r\n\r\nhi\r\n"));
		decoder.decode(in, handler);
		assertThat(seen).containsExactly("PUB 3", "PUB 1", "HPUB 3 4");
	}

	@Test
	void repeatedPublishSubjectIsTheSameString() {
		RecordingSubjects handler = new RecordingSubjects();
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		ByteBuf in = Unpooled.copiedBuffer(DecoderRun.bytes("PUB a.b 1\r\nx\r\nPUB a.b 1\r\ny\r\n"));
		try {
			decoder.decode(in, handler);
		}
		catch (ProtocolViolation ex) {
			throw new AssertionError(ex);
		}
		assertThat(handler.subjects).hasSize(2);
		assertThat(handler.subjects.get(1)).isSameAs(handler.subjects.get(0));
	}

	private static final class RecordingSubjects implements ClientOpHandler {

		final List<String> subjects = new ArrayList<>();

		@Override
		public void onConnect(ConnectOptions options) {
		}

		@Override
		public void onPing() {
		}

		@Override
		public void onPong() {
		}

		@Override
		public void onPub(String subject, String replyTo, ByteBuf payload) {
			this.subjects.add(subject);
		}

		@Override
		public void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) {
		}

		@Override
		public void onSub(String subject, String queue, String sid) {
		}

		@Override
		public void onUnsub(String sid, long max) {
		}

		@Override
		public void onInfo() {
		}

		@Override
		public void onOk() {
		}

		@Override
		public void onErr(String message) {
		}
	}
}
