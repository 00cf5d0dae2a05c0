package io.github.natsspring.broker.jetstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.github.natsspring.broker.NatsBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes clients parse, as nats-server 2.9.10 writes them (jetstream.md): INFO's {@code jetstream} flag, the
 * PubAck, the direct get reply with its headers, the error envelope.
 */
class JetStreamWireTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path storeDirectory;

	private NatsBroker broker;

	private Raw client;

	@BeforeEach
	void start() throws IOException {
		this.broker = JetStreamBrokers.start(this.storeDirectory);
		this.client = new Raw(this.broker.getPort());
		this.client.readUntil("\r\n");
		this.client.send("CONNECT {\"verbose\":false,\"headers\":true,\"protocol\":1}\r\nSUB _R.> 1\r\nPING\r\n");
		this.client.readUntil("PONG\r\n");
	}

	@AfterEach
	void stop() throws IOException {
		this.client.close();
		this.broker.stop();
	}

	@Test
	void infoAdvertisesJetStreamAfterMaxPayload() throws IOException {
		try (Raw other = new Raw(this.broker.getPort())) {
			assertThat(other.readUntil("\r\n")).contains("\"max_payload\":1048576,\"jetstream\":true,");
		}
	}

	@Test
	void pubAckHasNatsServersSpacing() throws IOException {
		request("$JS.API.STREAM.CREATE.S", "{\"name\":\"S\",\"subjects\":[\"s.>\"]}");
		assertThat(exchange("PUB s.a _R.ack 5\r\nhello\r\n", "}\r\n"))
			.isEqualTo("MSG _R.ack 1 23\r\n{\"stream\":\"S\", \"seq\":1}\r\n");
		exchange(hpub("s.a", "_R.dup", "Nats-Msg-Id: a", ""), "}\r\n");
		assertThat(exchange(hpub("s.a", "_R.dup", "Nats-Msg-Id: a", ""), "}\r\n"))
			.isEqualTo("MSG _R.dup 1 41\r\n{\"stream\":\"S\", \"seq\":2,\"duplicate\": true}\r\n");
	}

	@Test
	void refusedPublishAnswersWithTheErrorEnvelope() throws IOException {
		request("$JS.API.STREAM.CREATE.S", "{\"name\":\"S\",\"subjects\":[\"s\"]}");
		assertThat(exchange(hpub("s", "_R.e", "Nats-Expected-Last-Sequence: 9", ""), "}\r\n"))
			.endsWith("{\"error\":{\"code\":400,\"err_code\":10071,\"description\":\"wrong last sequence: 0\"},"
					+ "\"stream\":\"S\",\"seq\":0}\r\n");
	}

	@Test
	void directGetRepliesWithStoredThenNatsHeadersAndMissingIsMessageNotFound() throws IOException {
		request("$JS.API.STREAM.CREATE.KV_B",
				"{\"name\":\"KV_B\",\"subjects\":[\"$KV.B.>\"],\"allow_direct\":true,\"max_msgs_per_subject\":5}");
		exchange(hpub("$KV.B.k", "_R.p", "KV-Operation: DEL", "v1"), "}\r\n");
		assertThat(exchange("PUB $JS.API.DIRECT.GET.KV_B.$KV.B.k _R.g 0\r\n\r\n", "\r\n\r\nv1\r\n"))
			.matches("HMSG _R.g 1 \\d+ \\d+\r\nNATS/1.0\r\nKV-Operation: DEL\r\nNats-Stream: KV_B\r\n"
					+ "Nats-Subject: \\$KV.B.k\r\nNats-Sequence: 1\r\nNats-Time-Stamp: \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\r\n\r\n"
					+ "v1\r\n");
		assertThat(exchange("PUB $JS.API.DIRECT.GET.KV_B _R.n 9\r\n{\"seq\":7}\r\n", "\r\n\r\n\r\n"))
			.isEqualTo("HMSG _R.n 1 34 34\r\nNATS/1.0 404 Message Not Found\r\n\r\n\r\n");
	}

	@Test
	void apiErrorCarriesTheResponseTypeFirst() throws IOException {
		assertThat(request("$JS.API.STREAM.INFO.NOPE", ""))
			.endsWith("{\"type\":\"io.nats.jetstream.api.v1.stream_info_response\",\"error\":{\"code\":404,"
					+ "\"err_code\":10059,\"description\":\"stream not found\"},\"total\":0,\"offset\":0,\"limit\":0}\r\n");
	}

	private static String hpub(String subject, String reply, String header, String body) {
		String headers = "NATS/1.0\r\n" + header + "\r\n\r\n";
		int headerLength = headers.getBytes(StandardCharsets.UTF_8).length;
		int total = headerLength + body.getBytes(StandardCharsets.UTF_8).length;
		return "HPUB " + subject + " " + reply + " " + headerLength + " " + total + "\r\n" + headers + body + "\r\n";
	}

	/** Sends and returns what arrived after, up to and including {@code until}. */
	private String exchange(String data, String until) throws IOException {
		int mark = this.client.text().length();
		this.client.send(data);
		this.client.readUntil(until, mark);
		String text = this.client.text();
		return text.substring(mark, text.indexOf(until, mark) + until.length());
	}

	private String request(String subject, String body) throws IOException {
		byte[] payload = body.getBytes(StandardCharsets.UTF_8);
		return exchange("PUB " + subject + " _R.api " + payload.length + "\r\n" + body + "\r\n", "}\r\n");
	}

	/** A socket speaking exact bytes. */
	private static final class Raw implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final ByteArrayOutputStream received = new ByteArrayOutputStream();

		Raw(int port) throws IOException {
			this.socket = new Socket("127.0.0.1", port);
			this.socket.setSoTimeout(50);
			this.in = this.socket.getInputStream();
		}

		void send(String data) throws IOException {
			this.socket.getOutputStream().write(data.getBytes(StandardCharsets.UTF_8));
			this.socket.getOutputStream().flush();
		}

		String text() {
			return this.received.toString(StandardCharsets.UTF_8);
		}

		String readUntil(String expected) throws IOException {
			return readUntil(expected, 0);
		}

		String readUntil(String expected, int from) throws IOException {
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			byte[] buffer = new byte[8192];
			while (text().indexOf(expected, from) < 0) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Expected '" + expected + "' but received: " + text());
				}
				try {
					int n = this.in.read(buffer);
					if (n < 0) {
						throw new AssertionError("Closed by the server; received: " + text());
					}
					this.received.write(buffer, 0, n);
				}
				catch (SocketTimeoutException ex) {
					// nothing yet
				}
			}
			return text();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}
	}
}
