package io.github.natsspring.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw TCP client for wire-level tests: sends exact bytes and reads exactly what the server sent, so tests
 * can assert protocol lines byte for byte (jnats hides them).
 */
final class RawClient implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private boolean closedByServer;

	RawClient(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(50);
		this.in = this.socket.getInputStream();
		this.out = this.socket.getOutputStream();
	}

	RawClient send(String data) throws IOException {
		this.out.write(data.getBytes(StandardCharsets.UTF_8));
		this.out.flush();
		return this;
	}

	RawClient send(byte[] data) throws IOException {
		this.out.write(data);
		this.out.flush();
		return this;
	}

	/** Everything received so far, as bytes. */
	byte[] bytes() {
		return this.received.toByteArray();
	}

	/** Reads until the text received so far contains {@code expected}, or fails after the timeout. */
	String readUntil(String expected, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!text().contains(expected)) {
			if (System.nanoTime() > deadline || this.closedByServer) {
				throw new AssertionError("Expected '" + expected + "' but received: " + text());
			}
			readSome();
		}
		return text();
	}

	/** Reads until the server closes the connection, or fails after the timeout. */
	String readUntilClosed(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.closedByServer) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Server did not close the connection; received: " + text());
			}
			readSome();
		}
		return text();
	}

	boolean isClosedByServer() {
		return this.closedByServer;
	}

	String text() {
		return this.received.toString(StandardCharsets.UTF_8);
	}

	private void readSome() throws IOException {
		byte[] buffer = new byte[8192];
		try {
			int n = this.in.read(buffer);
			if (n < 0) {
				this.closedByServer = true;
			}
			else {
				this.received.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			// nothing yet
		}
		catch (IOException ex) {
			this.closedByServer = true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}
}
