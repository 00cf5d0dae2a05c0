package io.github.natsspring.broker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A subscriber that reads its socket no faster than a given rate, so the server always has more to send it than
 * it takes: the consumer that falls behind a fast producer. It speaks the protocol by hand (jnats would drain the
 * socket into its own queue at full speed), counts the MSG frames it receives and answers the server's PINGs.
 */
public final class ThrottledSubscriber implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final AtomicLong received = new AtomicLong();

	private final AtomicBoolean closedByServer = new AtomicBoolean();

	private final Thread reader;

	private ThrottledSubscriber(Socket socket, long bytesPerSecond) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		InputStream in = new BufferedInputStream(new RateLimitedInput(socket.getInputStream(), bytesPerSecond), 8192);
		this.reader = new Thread(() -> readFrames(in), "throttled-subscriber");
		this.reader.setDaemon(true);
	}

	/**
	 * Connects, subscribes and starts reading at the given rate once the subscription is confirmed.
	 * @param port the server's loopback port
	 * @param subject the subject to subscribe to
	 * @param bytesPerSecond the most bytes read per second
	 * @return the running subscriber
	 * @throws IOException when the server cannot be reached or does not confirm the subscription
	 */
	public static ThrottledSubscriber start(int port, String subject, long bytesPerSecond) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(16 * 1024);
		socket.setSoTimeout(10_000);
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
		InputStream in = socket.getInputStream();
		ProtocolLines.readLine(in);
		socket.getOutputStream()
			.write(("CONNECT {\"verbose\":false,\"pedantic\":false}\r\nSUB " + subject + " 1\r\nPING\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		String pong = ProtocolLines.readLine(in);
		if (!pong.equals("PONG")) {
			socket.close();
			throw new IOException("expected PONG, got " + pong);
		}
		ThrottledSubscriber subscriber = new ThrottledSubscriber(socket, bytesPerSecond);
		subscriber.reader.start();
		return subscriber;
	}

	/**
	 * Messages received so far.
	 * @return the count
	 */
	public long received() {
		return this.received.get();
	}

	/**
	 * Whether the server closed the connection.
	 * @return {@code true} once the server hung up
	 */
	public boolean isClosedByServer() {
		return this.closedByServer.get();
	}

	private void readFrames(InputStream in) {
		try {
			while (true) {
				String line = ProtocolLines.readLine(in);
				if (line.startsWith("MSG ")) {
					int size = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
					in.skipNBytes(size + 2L);
					this.received.incrementAndGet();
				}
				else if (line.equals("PING")) {
					synchronized (this.out) {
						this.out.write("PONG\r\n".getBytes(StandardCharsets.US_ASCII));
					}
				}
			}
		}
		catch (IOException ex) {
			if (!this.socket.isClosed()) {
				this.closedByServer.set(true);
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/** Reads at most a given number of bytes per second, in small reads, by pausing when ahead of the rate. */
	private static final class RateLimitedInput extends InputStream {

		private static final int MAX_READ = 4096;

		private final InputStream in;

		private final long bytesPerSecond;

		private final long start = System.nanoTime();

		private long total;

		RateLimitedInput(InputStream in, long bytesPerSecond) {
			this.in = in;
			this.bytesPerSecond = bytesPerSecond;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			// the pause is the consumer's slowness under test, not a wait for a condition
			long dueNanos = this.start + this.total * 1_000_000_000L / this.bytesPerSecond;
			long ahead = dueNanos - System.nanoTime();
			if (ahead > 0) {
				LockSupport.parkNanos(ahead);
			}
			int read = this.in.read(buffer, offset, Math.min(length, MAX_READ));
			if (read > 0) {
				this.total += read;
			}
			return read;
		}
	}
}
