package io.github.natsspring.broker.jetstream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PurgeOptions;
import io.nats.client.api.AccountStatistics;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.MessageInfo;

import io.nats.client.api.PurgeResponse;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamInfoOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stream management through jnats' {@link JetStreamManagement} against the broker: the calls and errors
 * applications rely on.
 */
class StreamManagementTests {

	@TempDir
	Path storeDirectory;

	private NatsBroker broker;

	private Connection connection;

	private JetStreamManagement jsm;

	private JetStream js;

	@BeforeEach
	void start() throws Exception {
		this.broker = JetStreamBrokers.start(this.storeDirectory);
		this.connection = JetStreamBrokers.connect(this.broker);
		this.jsm = this.connection.jetStreamManagement();
		this.js = this.connection.jetStream();
	}

	@AfterEach
	void stop() throws Exception {
		this.connection.close();
		this.broker.stop();
	}

	private static StreamConfiguration.Builder stream(String name, String... subjects) {
		return StreamConfiguration.builder().name(name).subjects(subjects).storageType(StorageType.File);
	}

	@Test
	void createdStreamEchoesNatsServerDefaults() throws Exception {
		StreamInfo info = this.jsm.addStream(stream("ORDERS", "orders.>").build());
		StreamConfiguration config = info.getConfiguration();
		assertThat(config.getRetentionPolicy()).isEqualTo(RetentionPolicy.Limits);
		assertThat(config.getDiscardPolicy()).isEqualTo(DiscardPolicy.Old);
		assertThat(config.getMaxMsgs()).isEqualTo(-1);
		assertThat(config.getMaxBytes()).isEqualTo(-1);
		assertThat(config.getMaxMsgSize()).isEqualTo(-1);
		assertThat(config.getDuplicateWindow()).isEqualTo(Duration.ofMinutes(2));
		assertThat(config.getReplicas()).isEqualTo(1);
		assertThat(info.getStreamState().getMsgCount()).isZero();
	}

	@Test
	void creatingTheSameStreamTwiceIsIdempotentButAnotherConfigurationIsRefused() throws Exception {
		this.jsm.addStream(stream("S", "s.>").build());
		assertThat(this.jsm.addStream(stream("S", "s.>").build()).getConfiguration().getName()).isEqualTo("S");
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.jsm.addStream(stream("S", "s.>").maxMessages(5).build()))
			.satisfies((ex) -> assertThat(ex.getApiErrorCode()).isEqualTo(10058));
	}

	@Test
	void overlappingSubjectsAreRefused() throws Exception {
		this.jsm.addStream(stream("S", "s.>").build());
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.jsm.addStream(stream("T", "s.a").build()))
			.satisfies((ex) -> assertThat(ex.getApiErrorCode()).isEqualTo(10065));
	}

	@Test
	void missingStreamIsReportedAsNotFound() {
		assertThatExceptionOfType(JetStreamApiException.class).isThrownBy(() -> this.jsm.getStreamInfo("NOPE"))
			.satisfies((ex) -> {
				assertThat(ex.getApiErrorCode()).isEqualTo(10059);
				assertThat(ex.getErrorCode()).isEqualTo(404);
			});
	}

	@Test
	void updateChangesLimitsAndRefusesAStorageChange() throws Exception {
		this.jsm.addStream(stream("S", "s.>").build());
		for (int i = 0; i < 10; i++) {
			this.js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
		}
		StreamInfo updated = this.jsm.updateStream(stream("S", "s.>").maxMessages(3).build());
		assertThat(updated.getConfiguration().getMaxMsgs()).isEqualTo(3);
		assertThat(updated.getStreamState().getMsgCount()).isEqualTo(3);
		assertThat(updated.getStreamState().getFirstSequence()).isEqualTo(8);
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.jsm.updateStream(stream("S", "s.>").storageType(StorageType.Memory).build()))
			.satisfies((ex) -> assertThat(ex.getApiErrorCode()).isEqualTo(10052));
	}

	@Test
	void updatedSubjectsAreCapturedAndOldOnesNoLonger() throws Exception {
		this.jsm.addStream(stream("S", "s.a").build());
		this.jsm.updateStream(stream("S", "s.b").build());
		this.connection.publish("s.a", new byte[1]);
		this.js.publish("s.b", new byte[1]);
		assertThat(this.jsm.getStreamInfo("S").getStreamState().getMsgCount()).isEqualTo(1);
		assertThat(this.jsm.getMessage("S", 1).getSubject()).isEqualTo("s.b");
	}

	@Test
	void namesFilterBySubjectAndListDescribesEveryStream() throws Exception {
		this.jsm.addStream(stream("A", "a.>").build());
		this.jsm.addStream(stream("B", "b.*").storageType(StorageType.Memory).build());
		assertThat(this.jsm.getStreamNames()).containsExactly("A", "B");
		assertThat(this.jsm.getStreamNames("b.x")).containsExactly("B");
		assertThat(this.jsm.getStreamNames("c.x")).isEmpty();
		assertThat(this.jsm.getStreams()).extracting((info) -> info.getConfiguration().getName())
			.containsExactly("A", "B");
	}

	@Test
	void deletedStreamIsGoneAndItsSubjectsAreFree() throws Exception {
		this.jsm.addStream(stream("S", "s.>").build());
		assertThat(this.jsm.deleteStream("S")).isTrue();
		assertThat(this.jsm.getStreamNames()).isEmpty();
		this.jsm.addStream(stream("T", "s.>").build());
		assertThat(this.js.publish("s.a", new byte[0]).getStream()).isEqualTo("T");
	}

	@Test
	void purgeBySubjectKeepAndSequence() throws Exception {
		this.jsm.addStream(stream("S", "s.>").build());
		for (int i = 0; i < 4; i++) {
			this.js.publish("s.a", new byte[0]);
			this.js.publish("s.b", new byte[0]);
		}
		PurgeResponse bySubject = this.jsm.purgeStream("S", PurgeOptions.builder().subject("s.a").keep(1).build());
		assertThat(bySubject.getPurged()).isEqualTo(3);
		PurgeResponse below = this.jsm.purgeStream("S", PurgeOptions.builder().sequence(6).build());
		assertThat(below.getPurged()).isEqualTo(2);
		assertThat(this.jsm.getStreamInfo("S").getStreamState().getMsgCount()).isEqualTo(3);
		PurgeResponse all = this.jsm.purgeStream("S");
		assertThat(all.getPurged()).isEqualTo(3);
		StreamInfo info = this.jsm.getStreamInfo("S");
		assertThat(info.getStreamState().getFirstSequence()).isEqualTo(9);
		assertThat(info.getStreamState().getLastSequence()).isEqualTo(8);
	}

	@Test
	void messagesAreReadBySequenceAndLastBySubjectAndDeleted() throws Exception {
		this.jsm.addStream(stream("S", "s.>").build());
		this.js.publish("s.a", "one".getBytes(StandardCharsets.UTF_8));
		this.js.publish("s.b", "two".getBytes(StandardCharsets.UTF_8));
		this.js.publish("s.a", "three".getBytes(StandardCharsets.UTF_8));
		MessageInfo bySequence = this.jsm.getMessage("S", 2);
		assertThat(bySequence.getSubject()).isEqualTo("s.b");
		assertThat(new String(bySequence.getData(), StandardCharsets.UTF_8)).isEqualTo("two");
		assertThat(this.jsm.getLastMessage("S", "s.a").getSeq()).isEqualTo(3);
		assertThat(this.jsm.deleteMessage("S", 2)).isTrue();
		assertThat(this.jsm.getStreamInfo("S").getStreamState().getDeletedCount()).isEqualTo(1);
		assertThat(this.jsm.deleteMessage("S", 1, false)).isTrue();
		assertThat(this.jsm.getStreamInfo("S").getStreamState().getFirstSequence()).isEqualTo(3);
		assertThatExceptionOfType(JetStreamApiException.class).isThrownBy(() -> this.jsm.getMessage("S", 2))
			.satisfies((ex) -> assertThat(ex.getApiErrorCode()).isEqualTo(10037));
	}

	@Test
	void streamInfoDetailsSubjectsOnRequest() throws Exception {
		this.jsm.addStream(stream("S", "s.>").build());
		this.js.publish("s.a", new byte[0]);
		this.js.publish("s.a", new byte[0]);
		this.js.publish("s.b", new byte[0]);
		StreamInfo info = this.jsm.getStreamInfo("S", StreamInfoOptions.filterSubjects("s.a"));
		assertThat(info.getStreamState().getSubjectMap()).containsOnly(java.util.Map.entry("s.a", 2L));
	}

	@Test
	void accountInfoCountsStreamsAndStorage() throws Exception {
		this.jsm.addStream(stream("F", "f").build());
		this.jsm.addStream(stream("M", "m").storageType(StorageType.Memory).build());
		this.js.publish("f", new byte[10]);
		this.js.publish("m", new byte[10]);
		AccountStatistics statistics = this.jsm.getAccountStatistics();
		assertThat(statistics.getStreams()).isEqualTo(2);
		assertThat(statistics.getStorage()).isEqualTo(22 + 1 + 10 + 8);
		assertThat(statistics.getMemory()).isEqualTo(1 + 10 + 16);
		assertThat(statistics.getApi().getTotalApiRequests()).isPositive();
	}
}
