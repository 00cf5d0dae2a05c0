package io.github.natsspring.broker.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Serves one scripted client over loopback before the real port is bound, so that class loading and the
 * first runs of the accept, decode, route and write paths happen before any real client can connect. Without
 * it the first clients of a fresh JVM wait hundreds of milliseconds for INFO on a busy machine, where clients
 * and conformance tools expect it at once.
 */
final class LoopbackWarmUp {

	private static final System.Logger LOG = System.getLogger(LoopbackWarmUp.class.getName());

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final byte[] SCRIPT = ("CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,"
			+ "\"no_responders\":true,\"protocol\":1,\"name\":\"warm-up\"}\r\n"
			+ "SUB warm.* q 1\r\nSUB warm.> 2\r\nPUB warm.up _INBOX.w 2\r\nhi\r\n"
			+ "HPUB warm.up 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPUB nobody _INBOX.w 0\r\n\r\nUNSUB 1\r\nPING\r\n")
		.getBytes(StandardCharsets.US_ASCII);

	private LoopbackWarmUp() {
	}

	/**
	 * Connects to the given loopback port, plays the script and waits for its PONG. Failures are logged, not
	 * thrown: a broker that cannot warm up still works, only its first clients wait longer.
	 * @return whether the script ran to its PONG
	 */
	static boolean run(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			readUntil(in, "\r\n");
			out.write(SCRIPT);
			out.flush();
			readUntil(in, "PONG\r\n");
			return true;
		}
		catch (IOException ex) {
			LOG.log(System.Logger.Level.DEBUG, "Warm-up over loopback failed: " + ex);
			return false;
		}
	}

	private static void readUntil(InputStream in, String end) throws IOException {
		StringBuilder received = new StringBuilder();
		byte[] buffer = new byte[1024];
		while (received.indexOf(end) < 0) {
			int n = in.read(buffer);
			if (n < 0) {
				throw new IOException("closed by the server after: " + received);
			}
			received.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
		}
	}
}
