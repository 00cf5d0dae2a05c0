package io.github.natsspring.broker.interop.jetstream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Publishing into streams: PubAcks, deduplication, expectations and limits, as jnats reports them. */
class PublishInteropTests extends JetStreamScenario {

	@InteropTest
	void pubAckNamesTheStreamAndTheSequence(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		connection.jetStreamManagement().addStream(fileStream("S", "s.>").build());
		JetStream jetStream = connection.jetStream();
		PublishAck first = jetStream.publish("s.a", utf8("one"));
		PublishAck second = jetStream.publishAsync("s.b", utf8("two")).get();
		assertThat(List.of(first.getStream(), first.getSeqno(), first.isDuplicate())).containsExactly("S", 1L, false);
		assertThat(List.of(second.getStream(), second.getSeqno(), second.isDuplicate()))
			.containsExactly("S", 2L, false);
		connection.publish("s.c", utf8("core, no reply"));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> connection.jetStreamManagement().getStreamInfo("S").getStreamState().getMsgCount() == 3);
		assertThat(jetStream.publish("s.d", utf8("four")).getSeqno()).isEqualTo(4);
	}

	@InteropTest
	void publishWithoutAStreamHasNoResponders(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		assertThat(catchThrowable(() -> connection.jetStream().publish("nowhere", utf8("x"))))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("503");
	}

	@InteropTest
	void aRepeatedMessageIdIsAcknowledgedAsDuplicateAndNotStored(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").build());
		JetStream jetStream = connection.jetStream();
		PublishAck first = jetStream.publish("s.a", utf8("x"), PublishOptions.builder().messageId("m1").build());
		jetStream.publish("s.a", utf8("y"), PublishOptions.builder().messageId("m2").build());
		PublishAck again = jetStream.publish("s.a", utf8("x"), PublishOptions.builder().messageId("m1").build());
		assertThat(List.of(first.getSeqno(), first.isDuplicate())).containsExactly(1L, false);
		assertThat(List.of(again.getStream(), again.getSeqno(), again.isDuplicate())).containsExactly("S", 1L, true);
		assertThat(management.getStreamInfo("S").getStreamState().getMsgCount()).isEqualTo(2);
		assertThat(management.getMessage("S", 1).getHeaders().getFirst("Nats-Msg-Id")).isEqualTo("m1");
	}

	@InteropTest
	void expectationsThatHoldAreAccepted(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		connection.jetStreamManagement().addStream(fileStream("S", "s.>").build());
		JetStream jetStream = connection.jetStream();
		jetStream.publish("s.a", utf8("1"), PublishOptions.builder().messageId("m1").build());
		jetStream.publish("s.b", utf8("2"), PublishOptions.builder().messageId("m2").build());
		PublishAck ack = jetStream.publish("s.a", utf8("3"), PublishOptions.builder()
			.expectedStream("S")
			.expectedLastSequence(2)
			.expectedLastSubjectSequence(1)
			.expectedLastMsgId("m2")
			.build());
		assertThat(ack.getSeqno()).isEqualTo(3);
		assertThat(jetStream.publish("s.new", utf8("4"), PublishOptions.builder().expectedLastSubjectSequence(0).build())
			.getSeqno()).isEqualTo(4);
	}

	@InteropTest
	void failedExpectationsAreRejectedWithTheServersErrors(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").build());
		JetStream jetStream = connection.jetStream();
		jetStream.publish("s.a", utf8("1"), PublishOptions.builder().messageId("m1").build());
		jetStream.publish("s.b", utf8("2"), PublishOptions.builder().messageId("m2").build());
		assertApiError(apiError(() -> jetStream.publish("s.a", utf8("x"), PublishOptions.builder().expectedStream("T")
			.build())), 400, 10060, "expected stream does not match");
		assertApiError(apiError(() -> jetStream.publish("s.a", utf8("x"), PublishOptions.builder().expectedLastSequence(1)
			.build())), 400, 10071, "wrong last sequence: 2");
		assertApiError(apiError(() -> jetStream.publish("s.a", utf8("x"), PublishOptions.builder()
			.expectedLastSubjectSequence(2)
			.build())), 400, 10071, "wrong last sequence: 1");
		assertApiError(apiError(() -> jetStream.publish("s.a", utf8("x"), PublishOptions.builder()
			.expectedLastSubjectSequence(0)
			.build())), 400, 10071, "wrong last sequence: 1");
		assertApiError(apiError(() -> jetStream.publish("s.a", utf8("x"), PublishOptions.builder().expectedLastMsgId("m1")
			.build())), 400, 10070, "wrong last msg ID: m2");
		assertThat(management.getStreamInfo("S").getStreamState().getLastSequence()).isEqualTo(2);
		jetStream.publish("s.c", utf8("no id"));
		assertApiError(apiError(() -> jetStream.publish("s.a", utf8("x"), PublishOptions.builder().expectedLastMsgId("m2")
			.build())), 400, 10070, "wrong last msg ID: ");
	}

	@InteropTest
	void maxMessagesWithDiscardOldEvictsFromTheHead(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").maxMessages(10).build());
		publish(connection.jetStream(), "s.a", "m", 25);
		StreamState state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
			.containsExactly(10L, 16L, 25L);
		assertThat(text(management.getMessage("S", 16))).isEqualTo("m-16");
	}

	@InteropTest
	void maxMessagesWithDiscardNewRejectsThePublish(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").maxMessages(3).discardPolicy(DiscardPolicy.New).build());
		JetStream jetStream = connection.jetStream();
		publish(jetStream, "s.a", "m", 3);
		assertApiError(apiError(() -> jetStream.publish("s.a", utf8("m-4"))), 503, 10077, "maximum messages exceeded");
		StreamState state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
			.containsExactly(3L, 1L, 3L);
	}

	@InteropTest
	void maxBytesWithDiscardNewRejectsAndWithDiscardOldEvicts(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		// a file message of subject "n.a" and 100 bytes counts 22 + 3 + 100 + 8 = 133 bytes
		management.addStream(fileStream("N", "n.>").maxBytes(400).discardPolicy(DiscardPolicy.New).build());
		management.addStream(fileStream("O", "o.>").maxBytes(400).build());
		JetStream jetStream = connection.jetStream();
		byte[] payload = new byte[100];
		for (int i = 0; i < 3; i++) {
			jetStream.publish("n.a", payload);
			jetStream.publish("o.a", payload);
		}
		assertApiError(apiError(() -> jetStream.publish("n.a", payload)), 503, 10077, "maximum bytes exceeded");
		jetStream.publish("o.a", payload);
		StreamState rejecting = management.getStreamInfo("N").getStreamState();
		StreamState evicting = management.getStreamInfo("O").getStreamState();
		assertThat(List.of(rejecting.getMsgCount(), rejecting.getByteCount(), rejecting.getLastSequence()))
			.containsExactly(3L, 399L, 3L);
		assertThat(List.of(evicting.getMsgCount(), evicting.getByteCount(), evicting.getFirstSequence(),
				evicting.getLastSequence())).containsExactly(3L, 399L, 2L, 4L);
	}

	@InteropTest
	void maxMessagesPerSubjectKeepsTheNewestOfEachSubject(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").maxMessagesPerSubject(2).build());
		JetStream jetStream = connection.jetStream();
		publish(jetStream, "s.a", "a", 3);
		publish(jetStream, "s.b", "b", 1);
		StreamState state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence(),
				state.getSubjectCount())).containsExactly(3L, 2L, 4L, 2L);
		assertThat(text(management.getLastMessage("S", "s.a"))).isEqualTo("a-3");
	}

	@InteropTest
	void aMessageOverMaxMessageSizeIsRejected(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		connection.jetStreamManagement().addStream(fileStream("S", "s.>").maximumMessageSize(10).build());
		JetStream jetStream = connection.jetStream();
		assertThat(jetStream.publish("s.a", new byte[10]).getSeqno()).isEqualTo(1);
		assertApiError(apiError(() -> jetStream.publish("s.a", new byte[11])), 400, 10054,
				"message size exceeds maximum allowed");
	}

	@InteropTest
	void messagesOlderThanMaxAgeExpire(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").maxAge(Duration.ofMillis(300)).build());
		publish(connection.jetStream(), "s.a", "m", 3);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> management.getStreamInfo("S").getStreamState().getMsgCount() == 0);
		StreamState state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getFirstSequence(), state.getLastSequence())).containsExactly(4L, 3L);
	}

	@InteropTest
	void headersAreStoredWithTheMessage(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").build());
		connection.jetStream().publish(NatsMessage.builder().subject("s.h")
			.headers(new Headers().add("X-Multi", "1", "2").put("X-One", "v"))
			.data(utf8("body"))
			.build());
		Headers headers = management.getMessage("S", 1).getHeaders();
		assertThat(headers.get("X-Multi")).containsExactly("1", "2");
		assertThat(headers.getFirst("X-One")).isEqualTo("v");
	}
}
