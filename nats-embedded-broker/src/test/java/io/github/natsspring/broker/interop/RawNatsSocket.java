package io.github.natsspring.broker.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare TCP client speaking the NATS text protocol by hand, for what jnats cannot be made to do: ignore
 * its socket, or send a frame jnats would refuse.
 */
final class RawNatsSocket implements AutoCloseable {

	private static final int READ_TIMEOUT_MILLIS = 5000;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final String info;

	private RawNatsSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
		this.info = readLine();
	}

	/**
	 * Connects to a loopback port and reads the server's INFO.
	 * @param receiveBufferSize the socket receive buffer, small to make a reader that falls behind quickly
	 */
	static RawNatsSocket open(int port, int receiveBufferSize) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(receiveBufferSize);
		socket.setSoTimeout(READ_TIMEOUT_MILLIS);
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MILLIS);
		return new RawNatsSocket(socket);
	}

	/** The INFO line the server greeted with. */
	String info() {
		return info;
	}

	/** Writes protocol text as is; {@code \r\n} line ends are the caller's. */
	void send(String protocol) throws IOException {
		out.write(protocol.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** Reads one line without its CRLF; fails when the server closes or stays silent. */
	String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		while (true) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("connection closed after '" + line.toString(StandardCharsets.UTF_8) + "'");
			}
			if (previous == '\r' && next == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
			}
			line.write(next);
			previous = next;
		}
	}

	/** Reads lines up to and including the next {@code PONG}. */
	List<String> linesUntilPong() throws IOException {
		List<String> lines = new ArrayList<>();
		String line;
		do {
			line = readLine();
			lines.add(line);
		}
		while (!line.equals("PONG"));
		return lines;
	}

	/**
	 * Reads and discards everything until the server closes the connection.
	 * @return the number of bytes read before the close
	 * @throws SocketTimeoutException when the server stays silent without closing
	 */
	long readUntilClosed() throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				total += read;
			}
		}
		catch (SocketTimeoutException ex) {
			throw ex;
		}
		catch (IOException resetByServer) {
			// a reset is how a close with unread data arrives; it still means the server hung up
		}
		return total;
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
