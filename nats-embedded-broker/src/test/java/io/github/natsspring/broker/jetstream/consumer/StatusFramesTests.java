package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StatusFrames} and {@link HeadersOnly}: the bytes nats-server 2.9.10 sends.
 */
class StatusFramesTests {

	@Test
	void idleHeartbeat() {
		assertThat(text(StatusFrames.idleHeartbeat(5, 4, null)))
			.isEqualTo("NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: 5\r\nNats-Last-Stream: 4\r\n\r\n");
	}

	@Test
	void idleHeartbeatWhileStalledOnFlowControl() {
		assertThat(text(StatusFrames.idleHeartbeat(1, 2, "$JS.FC.S.c.abcd"))).isEqualTo(
				"NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: 1\r\nNats-Last-Stream: 2\r\nNats-Consumer-Stalled: $JS.FC.S.c.abcd\r\n\r\n");
	}

	@Test
	void pullStatuses() {
		assertThat(text(StatusFrames.noMessages())).isEqualTo("NATS/1.0 404 No Messages\r\n\r\n");
		assertThat(text(StatusFrames.requestTimeout(1, 0)))
			.isEqualTo("NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 1\r\nNats-Pending-Bytes: 0\r\n\r\n");
		assertThat(text(StatusFrames.maxBytesExceeded(1, 10))).isEqualTo(
				"NATS/1.0 409 Message Size Exceeds MaxBytes\r\nNats-Pending-Messages: 1\r\nNats-Pending-Bytes: 10\r\n\r\n");
		assertThat(text(StatusFrames.status(409, "Exceeded MaxWaiting"))).isEqualTo("NATS/1.0 409 Exceeded MaxWaiting\r\n\r\n");
	}

	@Test
	void flowControlRequest() {
		assertThat(text(StatusFrames.flowControl())).isEqualTo("NATS/1.0 100 FlowControl Request\r\n\r\n");
	}

	@Test
	void headersOnlyAddsTheMessageSizeToStoredHeaders() {
		byte[] stored = "NATS/1.0\r\nKV-Operation: DEL\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(text(HeadersOnly.headers(stored, 0)))
			.isEqualTo("NATS/1.0\r\nKV-Operation: DEL\r\nNats-Msg-Size: 0\r\n\r\n");
	}

	@Test
	void headersOnlyWithoutStoredHeaders() {
		assertThat(text(HeadersOnly.headers(null, 12))).isEqualTo("NATS/1.0\r\nNats-Msg-Size: 12\r\n\r\n");
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.US_ASCII);
	}
}
