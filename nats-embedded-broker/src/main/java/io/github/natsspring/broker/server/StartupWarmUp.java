package io.github.natsspring.broker.server;

import java.nio.charset.StandardCharsets;

import io.github.natsspring.broker.protocol.ClientOpHandler;
import io.github.natsspring.broker.protocol.ClientProtocolDecoder;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.github.natsspring.broker.protocol.ServerFrames;
import io.github.natsspring.broker.protocol.ServerInfo;
import io.github.natsspring.broker.subject.SubjectTrie;
import io.github.natsspring.broker.subject.Subjects;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * Runs the per-client code paths once before the port is bound, so that the first clients do not pay for
 * class loading and JSON setup (hundreds of milliseconds on a busy machine, where clients and conformance
 * tools expect INFO at once).
 */
final class StartupWarmUp {

	private static final byte[] SAMPLE = ("CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,"
			+ "\"no_responders\":true,\"protocol\":1,\"name\":\"warm-up\",\"lang\":\"java\",\"version\":\"0\"}\r\n"
			+ "PING\r\nPONG\r\nSUB a.* q 1\r\nPUB a.b r 2\r\nhi\r\nHPUB a.b 12 14\r\nNATS/1.0\r\n\r\nhi\r\nUNSUB 1 1\r\n")
		.getBytes(StandardCharsets.US_ASCII);

	private StartupWarmUp() {
	}

	static void run(ServerInfo info, ByteBufAllocator allocator, Class<?> socketChannelType) {
		loadClasses(socketChannelType, ClientChannelHandler.class, ClientConnection.class, OutboundQueue.class,
				Subscription.class);
		SubjectTrie<Object> trie = new SubjectTrie<>();
		Object subscriber = new Object();
		trie.insert("warm.*", "q", subscriber);
		trie.match("warm.up");
		trie.remove("warm.*", "q", subscriber);
		Subjects.isValidPublishSubject("warm.up");
		ByteBuf out = allocator.directBuffer(1024);
		ByteBuf in = Unpooled.wrappedBuffer(SAMPLE);
		try {
			ServerFrames.writeInfo(out, info.withClient(1, "127.0.0.1"));
			new ClientProtocolDecoder(4096, 1024).decode(in, new IgnoringHandler());
		}
		catch (ProtocolViolation ex) {
			throw new IllegalStateException("Protocol warm-up sample rejected: " + ex.getMessage(), ex);
		}
		finally {
			out.release();
			in.release();
		}
	}

	private static void loadClasses(Class<?>... types) {
		for (Class<?> type : types) {
			try {
				Class.forName(type.getName(), true, type.getClassLoader());
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/** Accepts every operation and does nothing. */
	private static final class IgnoringHandler implements ClientOpHandler {

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
