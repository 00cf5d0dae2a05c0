package io.github.natsspring.broker.jetstream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.PublishOptions;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The publish path through jnats' {@link JetStream}: PubAcks, deduplication, expectations, roll-ups, limits,
 * retention, and KeyValue put/get/update/delete on top of them.
 */
class PublishTests {

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

	private void createStream(StreamConfiguration.Builder config) throws Exception {
		this.jsm.addStream(config.storageType(StorageType.File).build());
	}

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int errorCode(Throwable ex) {
		return ((JetStreamApiException) ex).getApiErrorCode();
	}

	@Test
	void pubAckNamesStreamAndSequenceAndHeadersAreStored() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s.>"));
		PublishAck first = this.js.publish("s.a", text("one"));
		Headers headers = new Headers().add("X-Trace", "abc");
		PublishAck second = this.js.publish(NatsMessage.builder().subject("s.b").headers(headers).data(text("two")).build());
		assertThat(first.getStream()).isEqualTo("S");
		assertThat(first.getSeqno()).isEqualTo(1);
		assertThat(second.getSeqno()).isEqualTo(2);
		assertThat(this.jsm.getMessage("S", 2).getHeaders().getFirst("X-Trace")).isEqualTo("abc");
	}

	@Test
	void corePublishWithoutReplyIsStoredSilently() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s.>"));
		this.connection.publish("s.a", text("fire and forget"));
		await().untilAsserted(() -> assertThat(this.jsm.getStreamInfo("S").getStreamState().getMsgCount()).isEqualTo(1));
	}

	@Test
	void repeatedMessageIdIsADuplicateWithTheOriginalSequence() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s.>"));
		PublishOptions id = PublishOptions.builder().messageId("order-1").build();
		PublishAck first = this.js.publish("s.a", text("x"), id);
		PublishAck again = this.js.publish("s.a", text("x"), id);
		assertThat(first.isDuplicate()).isFalse();
		assertThat(again.isDuplicate()).isTrue();
		assertThat(again.getSeqno()).isEqualTo(first.getSeqno());
		assertThat(this.jsm.getStreamInfo("S").getStreamState().getMsgCount()).isEqualTo(1);
	}

	@Test
	void expectationsRefuseWithNatsServerCodes() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s.>"));
		this.js.publish("s.a", text("1"), PublishOptions.builder().messageId("m1").build());
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.js.publish("s.a", text("2"), PublishOptions.builder().expectedStream("T").build()))
			.satisfies((ex) -> assertThat(errorCode(ex)).isEqualTo(10060));
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.js.publish("s.a", text("2"), PublishOptions.builder().expectedLastSequence(7).build()))
			.satisfies((ex) -> {
				assertThat(errorCode(ex)).isEqualTo(10071);
				assertThat(ex.getMessage()).contains("wrong last sequence: 1");
			});
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.js.publish("s.a", text("2"), PublishOptions.builder().expectedLastMsgId("m0").build()))
			.satisfies((ex) -> assertThat(errorCode(ex)).isEqualTo(10070));
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.js.publish("s.b", text("2"),
					PublishOptions.builder().expectedLastSubjectSequence(1).build()))
			.satisfies((ex) -> assertThat(errorCode(ex)).isEqualTo(10071));
		assertThat(this.js.publish("s.a", text("2"), PublishOptions.builder().expectedLastSequence(1)
			.expectedLastMsgId("m1").expectedLastSubjectSequence(1).expectedStream("S").build()).getSeqno())
			.isEqualTo(2);
	}

	@Test
	void discardOldEvictsFromTheHeadAndDiscardNewRefuses() throws Exception {
		createStream(StreamConfiguration.builder().name("OLD").subjects("old").maxMessages(10));
		createStream(StreamConfiguration.builder().name("NEW").subjects("new").maxMessages(2)
			.discardPolicy(DiscardPolicy.New));
		for (int i = 0; i < 25; i++) {
			this.js.publish("old", text("m"));
		}
		assertThat(this.jsm.getStreamInfo("OLD").getStreamState().getFirstSequence()).isEqualTo(16);
		this.js.publish("new", text("1"));
		this.js.publish("new", text("2"));
		assertThatExceptionOfType(JetStreamApiException.class).isThrownBy(() -> this.js.publish("new", text("3")))
			.satisfies((ex) -> {
				assertThat(errorCode(ex)).isEqualTo(10077);
				assertThat(ex.getMessage()).contains("maximum messages exceeded");
			});
	}

	@Test
	void tooLargeMessageIsRefused() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s").maximumMessageSize(4));
		assertThatExceptionOfType(JetStreamApiException.class).isThrownBy(() -> this.js.publish("s", text("12345")))
			.satisfies((ex) -> assertThat(errorCode(ex)).isEqualTo(10054));
	}

	@Test
	void perSubjectLimitKeepsTheNewestOfEachSubject() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s.>").maxMessagesPerSubject(2));
		for (int i = 0; i < 5; i++) {
			this.js.publish("s.a", text("a" + i));
			this.js.publish("s.b", text("b" + i));
		}
		StreamInfo info = this.jsm.getStreamInfo("S");
		assertThat(info.getStreamState().getMsgCount()).isEqualTo(4);
		assertThat(new String(this.jsm.getLastMessage("S", "s.a").getData(), StandardCharsets.UTF_8)).isEqualTo("a4");
	}

	@Test
	void rollupOfASubjectLeavesOnlyTheRollupMessage() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s.>").allowRollup(true));
		this.js.publish("s.a", text("1"));
		this.js.publish("s.b", text("2"));
		this.js.publish("s.a", text("3"));
		Headers rollup = new Headers().add("Nats-Rollup", "sub");
		this.js.publish(NatsMessage.builder().subject("s.a").headers(rollup).data(text("4")).build());
		assertThat(this.jsm.getStreamInfo("S").getStreamState().getMsgCount()).isEqualTo(2);
	}

	@Test
	void rollupIsRefusedWhenTheStreamDoesNotAllowIt() throws Exception {
		createStream(StreamConfiguration.builder().name("S").subjects("s.>"));
		Headers rollup = new Headers().add("Nats-Rollup", "all");
		assertThatExceptionOfType(JetStreamApiException.class)
			.isThrownBy(() -> this.js.publish(NatsMessage.builder().subject("s.a").headers(rollup).data(text("x")).build()))
			.satisfies((ex) -> assertThat(errorCode(ex)).isEqualTo(10111));
	}

	@Test
	void interestStreamWithoutConsumersKeepsNothing() throws Exception {
		createStream(StreamConfiguration.builder().name("I").subjects("i").retentionPolicy(RetentionPolicy.Interest));
		assertThat(this.js.publish("i", text("x")).getSeqno()).isEqualTo(1);
		StreamInfo info = this.jsm.getStreamInfo("I");
		assertThat(info.getStreamState().getMsgCount()).isZero();
		assertThat(info.getStreamState().getLastSequence()).isEqualTo(1);
	}

	@Test
	void keyValuePutGetUpdateAndDelete() throws Exception {
		this.connection.keyValueManagement()
			.create(KeyValueConfiguration.builder().name("B").maxHistoryPerKey(5).storageType(StorageType.File).build());
		KeyValue kv = this.connection.keyValue("B");
		long revision = kv.put("k", text("v1"));
		assertThat(new String(kv.get("k").getValue(), StandardCharsets.UTF_8)).isEqualTo("v1");
		assertThat(kv.update("k", text("v2"), revision)).isEqualTo(revision + 1);
		assertThatExceptionOfType(JetStreamApiException.class).isThrownBy(() -> kv.update("k", text("v3"), revision))
			.satisfies((ex) -> assertThat(errorCode(ex)).isEqualTo(10071));
		assertThatExceptionOfType(JetStreamApiException.class).isThrownBy(() -> kv.create("k", text("v3")));
		KeyValueEntry byRevision = kv.get("k", revision);
		assertThat(new String(byRevision.getValue(), StandardCharsets.UTF_8)).isEqualTo("v1");
		kv.delete("k");
		assertThat(kv.get("k")).isNull();
		assertThat(kv.create("k", text("again"))).isEqualTo(revision + 3);
		kv.purge("k");
		assertThat(this.jsm.getStreamInfo("KV_B").getStreamState().getMsgCount()).isEqualTo(1);
		assertThat(this.jsm.getLastMessage("KV_B", "$KV.B.k").getHeaders().getFirst("KV-Operation"))
			.isEqualTo(KeyValueOperation.PURGE.getHeaderValue());
	}
}
