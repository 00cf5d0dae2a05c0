package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.List;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.PurgeOptions;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Stream management through jnats' {@link JetStreamManagement}: the same answers and errors on every target. */
class StreamManagementInteropTests extends JetStreamScenario {

	@InteropTest
	void createdStreamReportsTheServerDefaults(TargetKind kind) throws Exception {
		JetStreamManagement management = connect(startJetStream(kind)).jetStreamManagement();
		StreamInfo info = management.addStream(fileStream("S", "s.>").build());
		assertThat(info.getConfiguration().getName()).isEqualTo("S");
		assertThat(info.getConfiguration().getSubjects()).containsExactly("s.>");
		assertThat(info.getConfiguration().getRetentionPolicy()).isEqualTo(RetentionPolicy.Limits);
		assertThat(info.getConfiguration().getDiscardPolicy()).isEqualTo(DiscardPolicy.Old);
		assertThat(info.getConfiguration().getMaxMsgs()).isEqualTo(-1);
		assertThat(info.getConfiguration().getMaxBytes()).isEqualTo(-1);
		assertThat(info.getConfiguration().getMaxMsgsPerSubject()).isEqualTo(-1);
		assertThat(info.getConfiguration().getMaxAge()).isEqualTo(Duration.ZERO);
		assertThat(info.getConfiguration().getDuplicateWindow()).isEqualTo(Duration.ofMinutes(2));
		assertThat(info.getConfiguration().getReplicas()).isEqualTo(1);
		StreamState state = info.getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getByteCount(), state.getFirstSequence(), state.getLastSequence(),
				state.getConsumerCount())).containsExactly(0L, 0L, 0L, 0L, 0L);
	}

	@InteropTest
	void creatingTheSameStreamAgainIsIdempotentButADifferentConfigurationIsRefused(TargetKind kind) throws Exception {
		JetStreamManagement management = connect(startJetStream(kind)).jetStreamManagement();
		management.addStream(fileStream("S", "s.>").build());
		assertThat(management.addStream(fileStream("S", "s.>").build()).getConfiguration().getName()).isEqualTo("S");
		assertApiError(apiError(() -> management.addStream(fileStream("S", "s.>").maxMessages(5).build())), 400, 10058,
				"stream name already in use with a different configuration");
		assertApiError(apiError(() -> management.addStream(fileStream("T", "s.a").build())), 400, 10065,
				"subjects overlap with an existing stream");
	}

	@InteropTest
	void streamsAreNamedListedUpdatedAndDeleted(TargetKind kind) throws Exception {
		JetStreamManagement management = connect(startJetStream(kind)).jetStreamManagement();
		management.addStream(fileStream("S", "s.>").build());
		management.addStream(fileStream("T", "t.*").build());
		assertThat(management.getStreamNames()).containsExactlyInAnyOrder("S", "T");
		assertThat(management.getStreamNames("t.x")).containsExactly("T");
		assertThat(management.getStreamNames("u.>")).isEmpty();
		assertThat(management.getStreams()).extracting((info) -> info.getConfiguration().getName())
			.containsExactlyInAnyOrder("S", "T");
		StreamInfo updated = management.updateStream(fileStream("S", "s.>", "x").maxMessages(5).build());
		assertThat(updated.getConfiguration().getMaxMsgs()).isEqualTo(5);
		assertThat(updated.getConfiguration().getSubjects()).containsExactly("s.>", "x");
		assertThat(management.getStreamInfo("S").getConfiguration().getMaxMsgs()).isEqualTo(5);
		assertThat(management.deleteStream("T")).isTrue();
		assertThat(management.getStreamNames()).containsExactly("S");
		assertApiError(apiError(() -> management.getStreamInfo("T")), 404, 10059, "stream not found");
		assertApiError(apiError(() -> management.deleteStream("T")), 404, 10059, "stream not found");
		assertApiError(apiError(() -> management.updateStream(fileStream("T", "t.*").build())), 404, 10059,
				"stream not found");
	}

	@InteropTest
	void purgeByFilterKeepAndSequence(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		JetStream jetStream = connection.jetStream();
		management.addStream(fileStream("S", "s.>").build());
		for (int i = 1; i <= 4; i++) {
			jetStream.publish("s.a", utf8("a" + i));
			jetStream.publish("s.b", utf8("b" + i));
		}
		assertThat(management.purgeStream("S", PurgeOptions.builder().subject("s.a").keep(1).build()).getPurged())
			.isEqualTo(3);
		StreamState state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
			.containsExactly(5L, 2L, 8L);
		assertThat(management.purgeStream("S", PurgeOptions.builder().sequence(6).build()).getPurged()).isEqualTo(2);
		state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
			.containsExactly(3L, 6L, 8L);
		assertThat(management.purgeStream("S", PurgeOptions.subject("s.b")).getPurged()).isEqualTo(2);
		assertThat(management.getMessage("S", 7).getSubject()).isEqualTo("s.a");
		assertThat(management.purgeStream("S").getPurged()).isEqualTo(1);
		state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
			.containsExactly(0L, 9L, 8L);
		assertThat(jetStream.publish("s.a", utf8("after")).getSeqno()).isEqualTo(9);
	}

	@InteropTest
	void messagesAreReadAndDeletedBySequenceAndBySubject(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		JetStream jetStream = connection.jetStream();
		management.addStream(fileStream("S", "s.>").build());
		jetStream.publish(NatsMessage.builder().subject("s.a").headers(new Headers().put("X-A", "1"))
			.data(utf8("hello")).build());
		jetStream.publish("s.b", utf8("two"));
		jetStream.publish("s.a", utf8("three"));
		MessageInfo first = management.getMessage("S", 1);
		assertThat(List.of(first.getSubject(), new String(first.getData()), first.getHeaders().getFirst("X-A")))
			.containsExactly("s.a", "hello", "1");
		assertThat(first.getSeq()).isEqualTo(1);
		MessageInfo last = management.getLastMessage("S", "s.a");
		assertThat(last.getSeq()).isEqualTo(3);
		assertThat(new String(last.getData())).isEqualTo("three");
		assertThat(management.deleteMessage("S", 2)).isTrue();
		StreamState state = management.getStreamInfo("S").getStreamState();
		assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence(),
				state.getDeletedCount())).containsExactly(2L, 1L, 3L, 1L);
		assertApiError(apiError(() -> management.getMessage("S", 2)), 404, 10037, "no message found");
		assertApiError(apiError(() -> management.getLastMessage("S", "s.b")), 404, 10037, "no message found");
		assertApiError(apiError(() -> management.deleteMessage("S", 2)), 400, 10043, "sequence 2 not found");
		assertApiError(apiError(() -> management.deleteMessage("S", 99)), 500, 10057, "stream store EOF");
		assertThat(management.deleteMessage("S", 3, false)).isTrue();
		assertThat(management.getStreamInfo("S").getStreamState().getMsgCount()).isEqualTo(1);
	}

	@InteropTest
	void directGetReadsByLastSubjectAndBySequence(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		JetStream jetStream = connection.jetStream();
		management.addStream(fileStream("D", "d.>").allowDirect(true).build());
		jetStream.publish(NatsMessage.builder().subject("d.a").headers(new Headers().put("X-A", "1"))
			.data(utf8("v1")).build());
		jetStream.publish("d.a", utf8("v2"));
		jetStream.publish("d.b", utf8("v3"));
		MessageInfo last = management.getLastMessage("D", "d.a");
		assertThat(List.of(last.getSubject(), new String(last.getData()), String.valueOf(last.getSeq())))
			.containsExactly("d.a", "v2", "2");
		MessageInfo bySequence = management.getMessage("D", 1);
		assertThat(bySequence.getHeaders().getFirst("X-A")).isEqualTo("1");
		assertThat(bySequence.getStream()).isEqualTo("D");
		assertThat(new String(bySequence.getData())).isEqualTo("v1");
		assertThat(management.getNextMessage("D", 2, "d.b").getSeq()).isEqualTo(3);
		assertThat(management.getFirstMessage("D", "d.b").getSeq()).isEqualTo(3);
		assertApiError(apiError(() -> management.getMessage("D", 9)), 404, 10037, "no message found");
	}
}
