package io.github.natsspring.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A publisher as fast as a socket allows: whole batches of PUB frames written at once, no flow control of its
 * own. Only the server slows it down, by not reading it (a producer stall), which is what it exists to provoke.
 */
public final class FloodPublisher implements AutoCloseable {

	private static final int FRAMES_PER_WRITE = 256;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private FloodPublisher(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	/**
	 * Connects and sends CONNECT.
	 * @param port the server's loopback port
	 * @param readTimeout how long a read of the server's answers may wait
	 * @return the connected publisher
	 * @throws IOException when the server cannot be reached
	 */
	public static FloodPublisher connect(int port, Duration readTimeout) throws IOException {
		Socket socket = new Socket();
		socket.setSoTimeout((int) readTimeout.toMillis());
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
		FloodPublisher publisher = new FloodPublisher(socket);
		ProtocolLines.readLine(publisher.in);
		publisher.out.write("CONNECT {\"verbose\":false,\"pedantic\":false}\r\n".getBytes(StandardCharsets.US_ASCII));
		return publisher;
	}

	/**
	 * Publishes messages of the given size as fast as the server reads them.
	 * @param subject the subject
	 * @param count how many messages
	 * @param payloadSize the payload size of each
	 * @throws IOException when the server closes the connection
	 */
	public void publish(String subject, int count, int payloadSize) throws IOException {
		byte[] frame = ("PUB " + subject + " " + payloadSize + "\r\n" + "x".repeat(payloadSize) + "\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] batch = new byte[frame.length * FRAMES_PER_WRITE];
		for (int i = 0; i < FRAMES_PER_WRITE; i++) {
			System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
		}
		int remaining = count;
		while (remaining > 0) {
			int frames = Math.min(remaining, FRAMES_PER_WRITE);
			this.out.write(batch, 0, frames * frame.length);
			remaining -= frames;
		}
	}

	/**
	 * Sends PING and reads until PONG: proves the server read everything published before.
	 * @throws IOException when the server closes the connection or does not answer in time
	 */
	public void ping() throws IOException {
		this.out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
		String line;
		do {
			line = ProtocolLines.readLine(this.in);
		}
		while (!line.equals("PONG"));
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}
}
