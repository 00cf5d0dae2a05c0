package io.github.natsspring.broker.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw TCP peer for wire tests, playing a route or a client: sends exact bytes and keeps exactly what the
 * broker sent, so that tests assert protocol lines byte for byte.
 */
final class RawSocket implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private boolean closedByPeer;

	RawSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.socket.setSoTimeout(50);
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	static RawSocket connect(int port) throws IOException {
		return new RawSocket(new Socket("127.0.0.1", port));
	}

	RawSocket send(String data) throws IOException {
		this.out.write(data.getBytes(StandardCharsets.UTF_8));
		this.out.flush();
		return this;
	}

	/** Reads until what was received contains {@code expected}; fails after the timeout. */
	String readUntil(String expected, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!text().contains(expected)) {
			if (System.nanoTime() > deadline || this.closedByPeer) {
				throw new AssertionError("Expected '" + expected + "' but received: " + text());
			}
			readSome();
		}
		return text();
	}

	/** Reads until the broker closes the connection; fails after the timeout. */
	String readUntilClosed(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.closedByPeer) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The connection was not closed; received: " + text());
			}
			readSome();
		}
		return text();
	}

	/** Reads for a while and returns what arrived, for asserting that nothing (more) came. */
	String readFor(Duration duration) throws IOException {
		long deadline = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < deadline && !this.closedByPeer) {
			readSome();
		}
		return text();
	}

	/** What was received so far, without the route keepalive lines, which come at their own pace. */
	String withoutPings() {
		return text().replace("PING\r\n", "").replace("PONG\r\n", "");
	}

	String text() {
		return this.received.toString(StandardCharsets.UTF_8);
	}

	boolean isClosedByPeer() {
		return this.closedByPeer;
	}

	/** Forgets what was received so far. */
	void clear() {
		this.received.reset();
	}

	private void readSome() throws IOException {
		byte[] buffer = new byte[8192];
		try {
			int n = this.in.read(buffer);
			if (n < 0) {
				this.closedByPeer = true;
			}
			else {
				this.received.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			// nothing yet
		}
		catch (SocketException ex) {
			this.closedByPeer = true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}
}
