package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Ownership of buffers: what the decoder copies, slices, keeps and frees. */
class ClientProtocolDecoderBufferTests {

	private final UnpooledByteBufAllocator allocator = new UnpooledByteBufAllocator(false);

	private ByteBuf read(String text) {
		ByteBuf buf = this.allocator.heapBuffer();
		buf.writeBytes(DecoderRun.bytes(text));
		return buf;
	}

	private long used() {
		return this.allocator.metric().usedHeapMemory();
	}

	@Test
	void payloadInOneReadIsASliceOfTheInput() throws ProtocolViolation {
		ByteBuf in = read("PUB a 5\r\nhello\r\n");
		List<ByteBuf> payloads = new ArrayList<>();
		new ClientProtocolDecoder(4096, 1024).decode(in, new RecordingHandler() {

			@Override
			public void onPub(String subject, String replyTo, ByteBuf payload) {
				payloads.add(payload.retainedSlice());
			}
		});
		assertThat(payloads).hasSize(1);
		assertThat(payloads.get(0).unwrap()).isSameAs(in);
		assertThat(in.refCnt()).isEqualTo(2);
		payloads.get(0).release();
		in.release();
	}

	@Test
	void payloadSplitAcrossReadsIsCopiedOnceAndFreedAfterDelivery() throws ProtocolViolation {
		long before = used();
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		RecordingHandler handler = new RecordingHandler();
		ByteBuf first = read("PUB a 5\r\nhel");
		decoder.decode(first, handler);
		first.release();
		assertThat(used()).isGreaterThan(before);
		ByteBuf second = read("lo\r\n");
		decoder.decode(second, handler);
		second.release();
		assertThat(handler.events).containsExactly("PUB a null [hello]");
		assertThat(used()).isEqualTo(before);
	}

	@Test
	void payloadRetainedByTheHandlerOutlivesTheCall() throws ProtocolViolation {
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		List<ByteBuf> kept = new ArrayList<>();
		RecordingHandler handler = new RecordingHandler() {

			@Override
			public void onPub(String subject, String replyTo, ByteBuf payload) {
				kept.add(payload.retain());
			}
		};
		for (String part : new String[] { "PUB a 5\r\nhe", "llo\r\n" }) {
			ByteBuf in = read(part);
			decoder.decode(in, handler);
			in.release();
		}
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0).toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
		assertThat(kept.get(0).release()).isTrue();
	}

	@Test
	void releaseFreesAPartialPayloadAndIgnoresLaterInput() throws ProtocolViolation {
		long before = used();
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		RecordingHandler handler = new RecordingHandler();
		ByteBuf in = read("PUB a 100\r\npartial");
		decoder.decode(in, handler);
		in.release();
		decoder.release();
		assertThat(used()).isEqualTo(before);
		ByteBuf later = read("PING\r\n");
		decoder.decode(later, handler);
		assertThat(later.isReadable()).isFalse();
		later.release();
		assertThat(handler.events).isEmpty();
	}

	@Test
	void violationFreesAPartialPayload() throws ProtocolViolation {
		long before = used();
		ClientProtocolDecoder decoder = new ClientProtocolDecoder(4096, 1024);
		RecordingHandler handler = new RecordingHandler();
		ByteBuf first = read("PUB a 5\r\nhel");
		decoder.decode(first, handler);
		first.release();
		assertThat(used()).isGreaterThan(before);
		ByteBuf second = read("lo!");
		assertThatExceptionOfType(ProtocolViolation.class).isThrownBy(() -> decoder.decode(second, handler));
		second.release();
		assertThat(used()).isEqualTo(before);
	}
}
