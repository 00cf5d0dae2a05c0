package io.github.natsspring.broker.jetstream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What survives stopping the broker and starting another on the same store directory, as with nats-server:
 * file streams with their configuration, messages, deletes and deduplication window; not memory streams, not
 * deleted streams.
 */
class RestartTests {

	@TempDir
	Path storeDirectory;

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void fileStreamKeepsConfigurationMessagesAndDeletes() throws Exception {
		StreamInfo before;
		NatsBroker first = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(first)) {
			JetStreamManagement jsm = connection.jetStreamManagement();
			jsm.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>").maxMessages(8)
				.storageType(StorageType.File).build());
			JetStream js = connection.jetStream();
			for (int i = 1; i <= 10; i++) {
				js.publish("orders." + (i % 3), text("order " + i));
			}
			jsm.deleteMessage("ORDERS", 5);
			before = jsm.getStreamInfo("ORDERS");
		}
		finally {
			first.stop();
		}
		NatsBroker second = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(second)) {
			JetStreamManagement jsm = connection.jetStreamManagement();
			StreamInfo after = jsm.getStreamInfo("ORDERS");
			assertThat(after.getConfiguration().getMaxMsgs()).isEqualTo(8);
			assertThat(after.getCreateTime()).isEqualTo(before.getCreateTime());
			assertThat(after.getStreamState().getMsgCount()).isEqualTo(7);
			assertThat(after.getStreamState().getFirstSequence()).isEqualTo(3);
			assertThat(after.getStreamState().getLastSequence()).isEqualTo(10);
			assertThat(after.getStreamState().getDeletedCount()).isEqualTo(1);
			assertThat(new String(jsm.getMessage("ORDERS", 10).getData(), StandardCharsets.UTF_8)).isEqualTo("order 10");
			PublishAck next = connection.jetStream().publish("orders.x", text("after restart"));
			assertThat(next.getSeqno()).isEqualTo(11);
		}
		finally {
			second.stop();
		}
	}

	@Test
	void deduplicationWindowSurvivesRestart() throws Exception {
		NatsBroker first = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(first)) {
			connection.jetStreamManagement().addStream(StreamConfiguration.builder().name("S").subjects("s")
				.storageType(StorageType.File).build());
			connection.jetStream().publish("s", text("x"), PublishOptions.builder().messageId("once").build());
		}
		finally {
			first.stop();
		}
		NatsBroker second = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(second)) {
			PublishAck again = connection.jetStream()
				.publish("s", text("x"), PublishOptions.builder().messageId("once").build());
			assertThat(again.isDuplicate()).isTrue();
			assertThat(again.getSeqno()).isEqualTo(1);
			PublishAck expected = connection.jetStream()
				.publish("s", text("y"), PublishOptions.builder().expectedLastMsgId("once").build());
			assertThat(expected.getSeqno()).isEqualTo(2);
		}
		finally {
			second.stop();
		}
	}

	@Test
	void memoryStreamsAndDeletedStreamsAreGone() throws Exception {
		NatsBroker first = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(first)) {
			JetStreamManagement jsm = connection.jetStreamManagement();
			jsm.addStream(StreamConfiguration.builder().name("MEM").subjects("mem").storageType(StorageType.Memory).build());
			jsm.addStream(StreamConfiguration.builder().name("GONE").subjects("gone").storageType(StorageType.File).build());
			jsm.addStream(StreamConfiguration.builder().name("KEPT").subjects("kept").storageType(StorageType.File).build());
			connection.jetStream().publish("mem", text("x"));
			jsm.deleteStream("GONE");
		}
		finally {
			first.stop();
		}
		NatsBroker second = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(second)) {
			assertThat(connection.jetStreamManagement().getStreamNames()).containsExactly("KEPT");
		}
		finally {
			second.stop();
		}
	}

	@Test
	void keyValueEntriesSurviveRestart() throws Exception {
		NatsBroker first = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(first)) {
			connection.keyValueManagement().create(KeyValueConfiguration.builder().name("CFG").maxHistoryPerKey(3)
				.storageType(StorageType.File).build());
			KeyValue kv = connection.keyValue("CFG");
			kv.put("a", text("1"));
			kv.put("a", text("2"));
			kv.put("b", text("3"));
			kv.delete("b");
		}
		finally {
			first.stop();
		}
		NatsBroker second = JetStreamBrokers.start(this.storeDirectory);
		try (Connection connection = JetStreamBrokers.connect(second)) {
			KeyValue kv = connection.keyValue("CFG");
			assertThat(new String(kv.get("a").getValue(), StandardCharsets.UTF_8)).isEqualTo("2");
			assertThat(kv.get("a").getRevision()).isEqualTo(2);
			assertThat(kv.get("b")).isNull();
		}
		finally {
			second.stop();
		}
	}
}
