package io.github.natsspring.broker.jetstream.consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AckSubject}.
 */
class AckSubjectTests {

	@Test
	void formatsTheNineTokenSubjectOfNatsServer29() {
		AckSubject subject = new AckSubject("S", "d1", 2, 4, 5, 1796156436196877254L, 0);
		assertThat(subject.format()).isEqualTo("$JS.ACK.S.d1.2.4.5.1796156436196877254.0");
	}

	@Test
	void parsesWhatItFormats() {
		AckSubject subject = AckSubject.parse("$JS.ACK.KV_B.TVlEt4Td.1.4.1.1796156473814441379.1");
		assertThat(subject).isEqualTo(new AckSubject("KV_B", "TVlEt4Td", 1, 4, 1, 1796156473814441379L, 1));
	}

	@Test
	void refusesOtherTokenCounts() {
		assertThat(AckSubject.parse("$JS.ACK.S.d1.1.1.1.1")).isNull();
		assertThat(AckSubject.parse("$JS.ACK.S.d1.1.1.1.1.1.1")).isNull();
		assertThat(AckSubject.parse("$JS.ACK.dom.hash.S.d1.1.1.1.1.1.x")).isNull();
	}

	@Test
	void refusesNonNumericSequences() {
		assertThat(AckSubject.parse("$JS.ACK.S.d1.1.x.1.1.0")).isNull();
		assertThat(AckSubject.parse("$JS.ACK.S.d1.1.-1.1.1.0")).isNull();
		assertThat(AckSubject.parse("$JS.ACK.S.d1..1.1.1.0")).isNull();
	}

	@Test
	void refusesOtherPrefixes() {
		assertThat(AckSubject.parse("$JS.FC.S.d1.1.1.1.1.0")).isNull();
	}

	@Test
	void wildcardCoversEveryDeliveryOfTheConsumer() {
		assertThat(AckSubject.wildcard("S", "d1")).isEqualTo("$JS.ACK.S.d1.>");
	}
}
