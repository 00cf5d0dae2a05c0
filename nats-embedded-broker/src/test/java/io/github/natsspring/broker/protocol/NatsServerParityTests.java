package io.github.natsspring.broker.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the same bytes to the real nats-server 2.9.10 and to the decoder, and compares what is
 * visible: the messages delivered back (a {@code SUB > 1} is set up first), the PONGs, the
 * {@code -ERR} that ends the connection, and whether it closes.
 */
class NatsServerParityTests {

	private static final String PREAMBLE = "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true}\r\nSUB > 1\r\n";

	// Silence after which a connection still open is taken to have answered everything.
	private static final int QUIET_MILLIS = 500;

	private static final int INFO_TIMEOUT_MILLIS = 10_000;

	// One server per worker: every connection subscribes to ">", so cases must not share a server.
	private static final int SERVERS = 6;

	private static final List<ReferenceNatsServer> servers = new ArrayList<>();

	@BeforeAll
	static void startServers() throws Exception {
		for (int i = 0; i < SERVERS; i++) {
			servers.add(ReferenceNatsServer.start());
		}
	}

	@AfterAll
	static void stopServers() throws Exception {
		for (ReferenceNatsServer server : servers) {
			server.close();
		}
	}

	@Test
	void edgeCasesBehaveAsOnNatsServer() throws Exception {
		String a4094 = "a".repeat(4094);
		List<String> cases = List.of("PING\r\n", "PINGjunk\r\nPONG x\r\n+OKz\r\nPING\r\n", "ping\r\nPiNg\n",
				" PING\r\n", "\r\nPING\r\n", "PIX", "+OX", "MSG a 1 1\r\n", "HMSG a 1 1\r\n", "HMSG a", "M",
				"PUB foo 5\r\nhello\r\nPING\r\n", "PUB foo 5\r\nhello world\r\n", "PUB foo 11\r\nhello\r\nPING\r\nPING\r\n",
				"PUB foo 5\nhello\n", "PUB foo 5\nhello\r\n", "PUB foo 0\r\n\r\nPING\r\n", "PUB foo\r\n", "PUB foo x\r\n",
				"PUB foo a b 5\r\n", "PUB\r\n", "PUB \r\n", "PUBX a 1\r\n", "PUB foo 0000000005\r\nhello\r\n",
				"PUB foo 000000005\r\nhello\r\nPING\r\n", "PUB\t foo \t r  5  \r\nhello\r\nPING\r\n", "PUB foo 2000000\r\n",
				"PUB foo -1\r\n", "PUB foo 5\rX\nhello\r\n", "PUB foo\r 5\nhello\r\n", "SUB\r\n", "SUB \r\n", "SUB foo\r\n",
				"SUB a b c d\r\n", "SUB\tfoo\t\tq 2\r\nPING\r\n", "UNSUB\r\n", "UNSUB \r\n", "UNSUB 1 2 3\r\n",
				"UNSUB 9 x\r\nPING\r\n", "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPING\r\n",
				"HPUB foo r 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPING\r\n", "HPUB foo 14 12\r\n", "HPUB foo 12\r\n",
				"HPUB foo x 2\r\n", "HPUB foo 2 2000000\r\n", "HPUB\r\n", "CONNECT\r\nPING\r\n", "CONNECT []\r\n",
				"CONNECT {\"verbose\":false} x\r\n", "CONNECT{\"verbose\":false}\r\nPING\r\n", "CONNECT null\r\nPING\r\n",
				"CONNECT {\"verbose\":\"x\"}\r\n", "CONNECT {\"VERBOSE\":false}\r\nPING\r\n", "CONNECTX {}\r\n",
				"INFO {}\r\nPING\r\n", "INFO\r\nPING\r\n", "INFO x\r\n", "INFO null\r\nPING\r\n", "INFO {\"port\":\"x\"}\r\n",
				"INFO {\"PORT\":\"x\"}\r\n", "INFO {\"max_payload\":3000000000}\r\n",
				"INFO {\"port\":3000000000,\"zz\":[1]}\r\nPING\r\n", "INFO {\"client_id\":-1}\r\n", "+ok\r\nPING\r\n",
				"CONNECT {\"protocol\":1.0}\r\n", "CONNECT {\"verbose\":false,}\r\n", "CONNECT {\"name\":\"\u00ff\"}\r\nPING\r\n",
				"PUB foo 5\r\nhel", "PUB foo 5\r\nhello\rX", "UNSUB 1 0000000001\r\nPING\r\n",
				"-ERR\r\n", "-ERR x\r\nPING\r\n", "SUB " + a4094 + " 1\r\nPING\r\n", "SUB " + a4094 + "a 1\r\nPING\r\n",
				"SUB " + a4094 + "a 1\nPING\r\n", "SUB " + "a".repeat(4096), "SUB " + "a".repeat(4097),
				"PING" + "a".repeat(10000), "PUB" + " ".repeat(10000), "HMSG " + "a".repeat(4097) + "\n",
				"CONNECT {\"name\":\"" + "a".repeat(4085) + "\"}\r\nPING\r\n",
				"CONNECT {\"name\":\"" + "a".repeat(4086) + "\"}\r\nPING\r\n");
		assertSameOutcomes(cases.stream().map(DecoderRun::bytes).toList());
	}

	@Test
	void mutatedStreamsBehaveAsOnNatsServer() throws Exception {
		// Subscriptions in these streams use a subject nothing publishes to, so the only deliveries
		// are those of the preamble's "SUB > 1".
		Random random = new Random(1127L);
		String[] valid = { "PING\r\n", "PUB foo 5\r\nhello\r\n", "PUB foo bar 0\r\n\r\n",
				"HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", "SUB zz 2\r\n", "SUB zz q 3\r\n", "UNSUB 3\r\n",
				"UNSUB 2 5\r\n", "+OK\r\n", "INFO {}\r\n", "PONG\r\n" };
		byte[] alphabet = "PUBSHINGOK+- \t\r\n0123456789ab".getBytes(StandardCharsets.US_ASCII);
		List<byte[]> inputs = new ArrayList<>();
		for (int round = 0; round < 90; round++) {
			StringBuilder stream = new StringBuilder();
			for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
				stream.append(valid[random.nextInt(valid.length)]);
			}
			byte[] input = stream.toString().getBytes(StandardCharsets.US_ASCII);
			input[random.nextInt(input.length)] = alphabet[random.nextInt(alphabet.length)];
			inputs.add(input);
		}
		assertSameOutcomes(inputs);
	}

	private static void assertSameOutcomes(List<byte[]> inputs) throws Exception {
		List<ExecutorService> workers = new ArrayList<>();
		for (int i = 0; i < servers.size(); i++) {
			workers.add(Executors.newSingleThreadExecutor());
		}
		try {
			List<Future<String>> onServer = new ArrayList<>();
			for (int i = 0; i < inputs.size(); i++) {
				byte[] input = inputs.get(i);
				int port = servers.get(i % servers.size()).port();
				onServer.add(workers.get(i % servers.size()).submit(() -> serverOutcome(port, input)));
			}
			List<String> mismatches = new ArrayList<>();
			for (int i = 0; i < inputs.size(); i++) {
				String expected = onServer.get(i).get();
				String actual = decoderOutcome(inputs.get(i));
				if (!expected.equals(actual)) {
					mismatches.add(printable(inputs.get(i)) + "\n  nats-server: " + expected + "\n  decoder:     " + actual);
				}
			}
			assertThat(mismatches).as("inputs treated differently").isEmpty();
		}
		finally {
			workers.forEach(ExecutorService::shutdownNow);
		}
	}

	private static String serverOutcome(int port, byte[] input) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(INFO_TIMEOUT_MILLIS);
			InputStream in = socket.getInputStream();
			readInfo(in);
			socket.setSoTimeout(QUIET_MILLIS);
			socket.getOutputStream().write(DecoderRun.bytes(PREAMBLE));
			socket.getOutputStream().write(input);
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			boolean closed = false;
			byte[] buffer = new byte[8192];
			try {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					received.write(buffer, 0, n);
				}
				closed = true;
			}
			catch (SocketTimeoutException ex) {
				closed = false;
			}
			catch (IOException ex) {
				closed = true;
			}
			return describeServer(received.toString(StandardCharsets.ISO_8859_1), closed);
		}
	}

	private static void readInfo(InputStream in) throws IOException {
		int previous = 0;
		int b;
		while ((b = in.read()) >= 0 && !(previous == '\r' && b == '\n')) {
			previous = b;
		}
	}

	private static String describeServer(String text, boolean closed) {
		List<String> events = new ArrayList<>();
		String error = null;
		int pos = 0;
		while (pos < text.length()) {
			int end = text.indexOf("\r\n", pos);
			if (end < 0) {
				break;
			}
			String line = text.substring(pos, end);
			pos = end + 2;
			if (line.startsWith("MSG ") || line.startsWith("HMSG ")) {
				String[] parts = line.split(" ");
				int size = Integer.parseInt(parts[parts.length - 1]);
				String payload = text.substring(pos, Math.min(text.length(), pos + size));
				pos += size + 2;
				events.add((line.startsWith("MSG") ? "MSG " : "HMSG ") + parts[1] + " [" + payload + "]");
			}
			else if (line.equals("PONG")) {
				events.add("PONG");
			}
			else if (line.startsWith("-ERR '")) {
				error = line.substring(6, line.length() - 1);
			}
		}
		return events + " err=" + error + " closed=" + closed;
	}

	private static String decoderOutcome(byte[] input) {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024 * 1024);
		List<String> events = new ArrayList<>();
		AtomicBoolean clientErr = new AtomicBoolean();
		ClientOpHandler handler = new ClientOpHandler() {

			@Override
			public void onConnect(ConnectOptions options) {
			}

			@Override
			public void onPing() {
				events.add("PONG");
			}

			@Override
			public void onPong() {
			}

			@Override
			public void onPub(String subject, String replyTo, ByteBuf payload) {
				events.add("MSG " + subject + " [" + payload.toString(StandardCharsets.ISO_8859_1) + "]");
			}

			@Override
			public void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) {
				events.add("HMSG " + subject + " [" + headersAndPayload.toString(StandardCharsets.ISO_8859_1) + "]");
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
				clientErr.set(true);
			}
		};
		ByteBuf in = Unpooled.wrappedBuffer(DecoderRun.bytes(PREAMBLE), input);
		try {
			decoder.decode(in, handler);
			return events + " err=null closed=" + clientErr.get();
		}
		catch (ProtocolViolation ex) {
			return events + " err=" + ex.errText() + " closed=true";
		}
		finally {
			decoder.release();
		}
	}

	private static String printable(byte[] input) {
		String text = new String(input, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
		return (text.length() > 120) ? text.substring(0, 120) + "...(" + text.length() + " bytes)" : text;
	}
}
