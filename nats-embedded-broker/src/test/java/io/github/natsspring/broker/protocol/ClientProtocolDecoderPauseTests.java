package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler may pause decoding, as a connection does when a consumer of its messages falls behind: decoding
 * stops after the operation being reported, the rest stays unread, and a later call picks up where it stopped.
 */
class ClientProtocolDecoderPauseTests {

	private static final String INPUT = "PUB a 1\r\nx\r\nPUB b 2\r\nyy\r\nPING\r\nSUB c 1\r\n";

	@Test
	void pausingDuringAnOperationLeavesTheBytesAfterItUnread() throws ProtocolViolation {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		PausingHandler handler = new PausingHandler(decoder, 2);
		ByteBuf in = Unpooled.copiedBuffer(INPUT, StandardCharsets.US_ASCII);

		decoder.decode(in, handler);

		assertThat(handler.events).containsExactly("PUB a null [x]", "PUB b null [yy]");
		assertThat(in.toString(StandardCharsets.US_ASCII)).isEqualTo("PING\r\nSUB c 1\r\n");
	}

	@Test
	void decodingTheUnreadBytesAgainContinuesAfterThePause() throws ProtocolViolation {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		PausingHandler handler = new PausingHandler(decoder, 1);
		ByteBuf in = Unpooled.copiedBuffer(INPUT, StandardCharsets.US_ASCII);

		decoder.decode(in, handler);
		handler.pauseAfter = Integer.MAX_VALUE;
		decoder.decode(in, handler);

		assertThat(handler.events).containsExactly("PUB a null [x]", "PUB b null [yy]", "PING", "SUB c null 1");
		assertThat(in.isReadable()).isFalse();
	}

	@Test
	void pausingAtAPayloadSplitAcrossReadsKeepsNothingUnread() throws ProtocolViolation {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		PausingHandler handler = new PausingHandler(decoder, 1);
		ByteBuf first = Unpooled.copiedBuffer("PUB a 3\r\nxy", StandardCharsets.US_ASCII);
		ByteBuf second = Unpooled.copiedBuffer("z\r\nPING\r\n", StandardCharsets.US_ASCII);

		decoder.decode(first, handler);
		decoder.decode(second, handler);

		assertThat(handler.events).containsExactly("PUB a null [xyz]");
		assertThat(second.toString(StandardCharsets.US_ASCII)).isEqualTo("PING\r\n");
	}

	/** Records operations and pauses the decoder once it has seen a number of them. */
	private static final class PausingHandler extends RecordingHandler {

		private final ClientProtocolDecoder decoder;

		private int pauseAfter;

		PausingHandler(ClientProtocolDecoder decoder, int pauseAfter) {
			this.decoder = decoder;
			this.pauseAfter = pauseAfter;
		}

		@Override
		public void onPub(String subject, String replyTo, ByteBuf payload) {
			super.onPub(subject, replyTo, payload);
			if (this.events.size() >= this.pauseAfter) {
				this.decoder.pause();
			}
		}
	}
}
