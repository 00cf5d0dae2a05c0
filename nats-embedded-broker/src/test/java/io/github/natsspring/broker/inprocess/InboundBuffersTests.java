package io.github.natsspring.broker.inprocess;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue between the broker's event loop and an in-JVM client's reading thread.
 */
class InboundBuffersTests {

	@Test
	void aReadTakesWhatFitsAcrossSeveralBuffers() throws Exception {
		InboundBuffers inbound = new InboundBuffers(1024);
		inbound.offer(bytes("PING\r\n"));
		inbound.offer(bytes("PONG\r\n"));
		byte[] destination = new byte[8];

		assertThat(inbound.read(destination, 0, 8)).isEqualTo(8);
		assertThat(new String(destination, StandardCharsets.US_ASCII)).isEqualTo("PING\r\nPO");
		assertThat(inbound.read(destination, 0, 8)).isEqualTo(4);
		inbound.discard();
	}

	@Test
	void whatWasSentBeforeTheEndIsReadBeforeTheEnd() throws Exception {
		InboundBuffers inbound = new InboundBuffers(1024);
		inbound.offer(bytes("-ERR 'Authorization Violation'\r\n"));
		inbound.end();
		byte[] destination = new byte[64];

		assertThat(inbound.read(destination, 0, 64)).isEqualTo(32);
		assertThat(inbound.read(destination, 0, 64)).isEqualTo(-1);
	}

	@Test
	void aReaderTooFarBehindIsRefusedMoreAndTheRefusedBufferReleased() {
		InboundBuffers inbound = new InboundBuffers(8);
		ByteBuf first = bytes("12345678");
		ByteBuf over = bytes("9");

		assertThat(inbound.offer(first)).isTrue();
		assertThat(inbound.offer(over)).isFalse();
		assertThat(over.refCnt()).isZero();
		inbound.discard();
		assertThat(first.refCnt()).isZero();
	}

	@Test
	void discardingReleasesWhatIsQueuedAndWhatArrivesLater() throws Exception {
		InboundBuffers inbound = new InboundBuffers(1024);
		ByteBuf queued = bytes("MSG a 1 0\r\n\r\n");
		inbound.offer(queued);
		inbound.discard();
		ByteBuf late = bytes("PING\r\n");
		inbound.offer(late);

		assertThat(queued.refCnt()).isZero();
		assertThat(late.refCnt()).isZero();
		assertThat(inbound.read(new byte[8], 0, 8)).isEqualTo(-1);
	}

	private static ByteBuf bytes(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
	}
}
