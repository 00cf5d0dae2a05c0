package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.natsspring.broker.jetstream.consumer.AckRequest.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AckRequest}.
 */
class AckRequestTests {

	@Test
	void emptyBodyAndPlusAckAndPlusOkAreAcks() {
		assertThat(parse("").kind()).isEqualTo(Kind.ACK);
		assertThat(parse("+ACK").kind()).isEqualTo(Kind.ACK);
		assertThat(parse("+OK").kind()).isEqualTo(Kind.ACK);
	}

	@Test
	void plainNakRedeliversAtOnce() {
		AckRequest nak = parse("-NAK");
		assertThat(nak.kind()).isEqualTo(Kind.NAK);
		assertThat(nak.delay()).isEqualTo(-1);
	}

	@Test
	void nakTakesAJsonDelayInNanoseconds() {
		assertThat(parse("-NAK {\"delay\":100000000}").delay()).isEqualTo(100_000_000L);
	}

	@Test
	void nakTakesAGoDuration() {
		assertThat(parse("-NAK 2s").delay()).isEqualTo(2_000_000_000L);
	}

	@Test
	void nakWithAnUnreadableDelayIsAPlainNak() {
		AckRequest nak = parse("-NAK {\"delay\":\"soon\"}");
		assertThat(nak.kind()).isEqualTo(Kind.NAK);
		assertThat(nak.delay()).isEqualTo(-1);
		assertThat(parse("-NAK later").delay()).isEqualTo(-1);
	}

	@Test
	void progressTermAndNext() {
		assertThat(parse("+WPI").kind()).isEqualTo(Kind.PROGRESS);
		assertThat(parse("+TERM").kind()).isEqualTo(Kind.TERM);
		AckRequest next = parse("+NXT {\"batch\":2}");
		assertThat(next.kind()).isEqualTo(Kind.NEXT);
		assertThat(new String(next.nextRequest(), StandardCharsets.UTF_8)).isEqualTo(" {\"batch\":2}");
	}

	@Test
	void anythingElseIsIgnored() {
		assertThat(parse("+WPIX").kind()).isEqualTo(Kind.UNKNOWN);
		assertThat(parse("hello").kind()).isEqualTo(Kind.UNKNOWN);
	}

	private static AckRequest parse(String body) {
		return AckRequest.parse(body.getBytes(StandardCharsets.UTF_8));
	}
}
