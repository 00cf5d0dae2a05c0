package io.github.natsspring.broker.connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prefixes nats-server 2.9.10 keeps from clients, as observed on its wire.
 */
class ReservedSubjectsTests {

	@Test
	void serviceImportRepliesAreReservedEvenWithNothingAfterThePrefix() {
		assertThat(ReservedSubjects.isReservedReply("_R_.abc")).isTrue();
		assertThat(ReservedSubjects.isReservedReply("_R_.")).isTrue();
		assertThat(ReservedSubjects.isReservedReply("_R_")).isFalse();
	}

	@Test
	void jetStreamAckAndGatewayRepliesAreReservedOnlyWithSomethingAfterThePrefix() {
		assertThat(ReservedSubjects.isReservedReply("$JS.ACK.s.c.1")).isTrue();
		assertThat(ReservedSubjects.isReservedReply("$JS.ACK.")).isFalse();
		assertThat(ReservedSubjects.isReservedReply("_GR_.x")).isTrue();
		assertThat(ReservedSubjects.isReservedReply("_GR_.")).isFalse();
		assertThat(ReservedSubjects.isReservedReply("_INBOX.abc")).isFalse();
	}

	@Test
	void onlyGatewayRoutedRepliesAreReservedAsPublishSubjects() {
		assertThat(ReservedSubjects.isGatewayRoutedReply("_GR_.abc")).isTrue();
		assertThat(ReservedSubjects.isGatewayRoutedReply("_GR_.")).isFalse();
		assertThat(ReservedSubjects.isGatewayRoutedReply("_R_.abc")).isFalse();
	}
}
