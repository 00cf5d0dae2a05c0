package io.github.natsspring.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Many idle NATS clients on plain NIO socket channels, all driven by one selector thread: each sends
 * {@code CONNECT} and {@code PING}, counts as accepted when its {@code PONG} arrives, and afterwards only answers
 * the server's {@code PING}s so the server keeps it. A jnats connection per client would cost threads and memory
 * on the client side that the measurement does not need.
 */
final class IdleClients implements AutoCloseable {

	private static final byte[] HANDSHAKE = ("CONNECT {\"verbose\":false,\"pedantic\":false,\"lang\":\"nio\","
			+ "\"version\":\"1\"}\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

	private final InetSocketAddress address;

	private final int count;

	private final int maxPendingHandshakes;

	private final Selector selector;

	private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(8192);

	private final CountDownLatch allSettled = new CountDownLatch(1);

	private final Thread loop;

	private volatile boolean running = true;

	private int opened;

	private int pending;

	private volatile int accepted;

	private volatile int failed;

	private volatile int closedByServer;

	private volatile long startNanos;

	private volatile long lastAcceptedNanos;

	private IdleClients(InetSocketAddress address, int count, int maxPendingHandshakes) throws IOException {
		this.address = address;
		this.count = count;
		this.maxPendingHandshakes = maxPendingHandshakes;
		this.selector = Selector.open();
		this.loop = new Thread(this::runLoop, "idle-clients");
		this.loop.setDaemon(true);
	}

	/**
	 * Opens {@code count} clients with at most {@code maxPendingHandshakes} handshakes in flight, so the server's
	 * listen backlog never overflows into SYN retransmits, and waits until each is accepted or failed.
	 */
	static IdleClients connect(InetSocketAddress address, int count, int maxPendingHandshakes, Duration timeout)
			throws IOException, InterruptedException {
		IdleClients clients = new IdleClients(address, count, maxPendingHandshakes);
		clients.startNanos = System.nanoTime();
		clients.loop.start();
		clients.allSettled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		return clients;
	}

	/** Time from the first connect to the last handshake completed; zero when none completed. */
	Duration acceptTime() {
		return (this.accepted == 0) ? Duration.ZERO : Duration.ofNanos(this.lastAcceptedNanos - this.startNanos);
	}

	int accepted() {
		return this.accepted;
	}

	int failed() {
		return this.failed;
	}

	/** Clients accepted and not closed by the server since. */
	int held() {
		return this.accepted - this.closedByServer;
	}

	@Override
	public void close() throws InterruptedException, IOException {
		this.running = false;
		this.selector.wakeup();
		this.loop.join();
		for (SelectionKey key : this.selector.keys()) {
			key.channel().close();
		}
		this.selector.close();
	}

	private void runLoop() {
		try {
			while (this.running) {
				openMore();
				this.selector.select(100);
				Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					handle(key);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Idle client selector failed", ex);
		}
	}

	private void openMore() {
		while (this.opened < this.count && this.pending < this.maxPendingHandshakes) {
			this.opened++;
			SocketChannel channel;
			try {
				channel = SocketChannel.open();
			}
			catch (IOException ex) {
				// Out of descriptors: no further client can be opened either.
				this.failed += this.count - this.opened + 1;
				this.opened = this.count;
				settleIfDone();
				return;
			}
			try {
				channel.configureBlocking(false);
				channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
				boolean connected = channel.connect(this.address);
				channel.register(this.selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
						new ClientState());
				this.pending++;
				if (connected) {
					channel.write(ByteBuffer.wrap(HANDSHAKE));
				}
			}
			catch (IOException ex) {
				closeQuietly(channel);
				this.failed++;
				settleIfDone();
			}
		}
	}

	private void handle(SelectionKey key) {
		SocketChannel channel = (SocketChannel) key.channel();
		ClientState state = (ClientState) key.attachment();
		try {
			if (key.isConnectable()) {
				channel.finishConnect();
				key.interestOps(SelectionKey.OP_READ);
				channel.write(ByteBuffer.wrap(HANDSHAKE));
			}
			else if (key.isReadable()) {
				this.readBuffer.clear();
				int read = channel.read(this.readBuffer);
				if (read < 0) {
					key.cancel();
					channel.close();
					lose(state);
					return;
				}
				this.readBuffer.flip();
				while (this.readBuffer.hasRemaining()) {
					if (state.accept(this.readBuffer.get())) {
						onLine(channel, state);
					}
				}
			}
		}
		catch (IOException ex) {
			key.cancel();
			closeQuietly(channel);
			lose(state);
		}
	}

	private void onLine(SocketChannel channel, ClientState state) throws IOException {
		if (state.lineStartsWith("PONG") && !state.handshaken) {
			state.handshaken = true;
			this.pending--;
			this.accepted++;
			this.lastAcceptedNanos = System.nanoTime();
			settleIfDone();
		}
		else if (state.lineStartsWith("PING")) {
			channel.write(ByteBuffer.wrap(PONG));
		}
		state.nextLine();
	}

	private void lose(ClientState state) {
		if (state.handshaken) {
			this.closedByServer++;
			return;
		}
		this.pending--;
		this.failed++;
		settleIfDone();
	}

	private void settleIfDone() {
		if (this.accepted + this.failed >= this.count) {
			this.allSettled.countDown();
		}
	}

	private static void closeQuietly(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ignored) {
			// Nothing left to release.
		}
	}

	/**
	 * Per-connection line tracking: only the first four bytes of each server line matter
	 * ({@code INFO}, {@code PING}, {@code PONG}, {@code -ERR}).
	 */
	private static final class ClientState {

		private final byte[] head = new byte[4];

		private int length;

		private boolean handshaken;

		/** Feeds one byte; returns {@code true} when it ends a line, leaving the line's head readable. */
		boolean accept(byte b) {
			if (b == '\n') {
				return true;
			}
			if (this.length < this.head.length) {
				this.head[this.length] = b;
			}
			this.length++;
			return false;
		}

		boolean lineStartsWith(String op) {
			if (this.length < op.length()) {
				return false;
			}
			for (int i = 0; i < op.length(); i++) {
				if (this.head[i] != op.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		void nextLine() {
			this.length = 0;
		}

	}

}
