package io.github.natsspring.broker.interop.jetstream;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.NatsTarget;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamState;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stop and a start on the same store directory keep, and what they do not. */
class DurabilityInteropTests extends JetStreamScenario {

	@InteropTest
	void restartKeepsStreamsMessagesInteriorDeletesAndTheDedupeWindow(TargetKind kind) throws Exception {
		NatsTarget target = startJetStream(kind);
		try (Connection connection = connect(target)) {
			JetStreamManagement management = connection.jetStreamManagement();
			management.addStream(fileStream("S", "s.>").maxMessages(8).build());
			management.addStream(fileStream("WQ", "wq.>").retentionPolicy(RetentionPolicy.WorkQueue).build());
			management.addStream(StreamConfiguration.builder().name("MEM").subjects("mem.>")
				.storageType(StorageType.Memory).build());
			JetStream jetStream = connection.jetStream();
			for (int i = 1; i <= 10; i++) {
				jetStream.publish("s.a", utf8("m-" + i), PublishOptions.builder().messageId("id-" + i).build());
			}
			management.deleteMessage("S", 5);
			publish(jetStream, "wq.a", "w", 3);
			JetStreamSubscription worker = jetStream.subscribe("wq.>", PullSubscribeOptions.builder().durable("w").build());
			worker.fetch(1, Duration.ofSeconds(2)).get(0).ackSync(Duration.ofSeconds(2));
			publish(jetStream, "mem.a", "x", 2);
			management.addStream(fileStream("GONE", "gone.>").build());
			management.deleteStream("GONE");
		}
		target.restart();
		try (Connection connection = connect(target)) {
			JetStreamManagement management = connection.jetStreamManagement();
			assertThat(management.getStreamNames()).containsExactlyInAnyOrder("S", "WQ");
			assertThat(management.getStreamInfo("S").getConfiguration().getMaxMsgs()).isEqualTo(8);
			StreamState state = management.getStreamInfo("S").getStreamState();
			assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence(),
					state.getDeletedCount())).containsExactly(7L, 3L, 10L, 1L);
			assertApiError(apiError(() -> management.getMessage("S", 5)), 404, 10037, "no message found");
			assertThat(text(management.getMessage("S", 10))).isEqualTo("m-10");
			StreamState workQueue = management.getStreamInfo("WQ").getStreamState();
			assertThat(List.of(workQueue.getMsgCount(), workQueue.getFirstSequence())).containsExactly(2L, 2L);
			JetStream jetStream = connection.jetStream();
			PublishAck duplicate = jetStream.publish("s.a", utf8("m-10"), PublishOptions.builder().messageId("id-10").build());
			assertThat(List.of(duplicate.getSeqno(), duplicate.isDuplicate())).containsExactly(10L, true);
			assertThat(jetStream.publish("s.a", utf8("m-11")).getSeqno()).isEqualTo(11);
		}
	}

	@InteropTest
	void restartKeepsConsumerAckFloorsAndPendingDeliveries(TargetKind kind) throws Exception {
		NatsTarget target = startJetStream(kind);
		try (Connection connection = connect(target)) {
			connection.jetStreamManagement().addStream(fileStream("S", "s.>").build());
			JetStream jetStream = connection.jetStream();
			publish(jetStream, "s.a", "m", 6);
			connection.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("d").build());
			JetStreamSubscription subscription = jetStream.subscribe(null, PullSubscribeOptions.bind("S", "d"));
			List<Message> batch = subscription.fetch(4, Duration.ofSeconds(2));
			for (Message message : batch.subList(0, 3)) {
				message.ackSync(Duration.ofSeconds(2));
			}
			assertThat(counters(subscription.getConsumerInfo())).containsExactly(4L, 4L, 3L, 3L, 2L, 1L, 0L);
		}
		target.restart();
		try (Connection connection = connect(target)) {
			ConsumerInfo info = connection.jetStreamManagement().getConsumerInfo("S", "d");
			assertThat(counters(info)).containsExactly(4L, 4L, 3L, 3L, 2L, 1L, 0L);
			JetStreamSubscription subscription = connection.jetStream()
				.subscribe(null, PullSubscribeOptions.bind("S", "d"));
			// stream seq 4 is still pending from before the restart: its ack wait has not run out
			List<Message> next = subscription.fetch(2, Duration.ofSeconds(3));
			assertThat(streamSequences(next)).containsExactly(5L, 6L);
			assertThat(next.get(0).metaData().consumerSequence()).isEqualTo(5);
		}
	}

	@InteropTest
	void restartKeepsKeyValueEntriesAndHistory(TargetKind kind) throws Exception {
		NatsTarget target = startJetStream(kind);
		try (Connection connection = connect(target)) {
			connection.keyValueManagement().create(KeyValueConfiguration.builder().name("B").maxHistoryPerKey(3)
				.storageType(StorageType.File).build());
			KeyValue kv = connection.keyValue("B");
			kv.put("k", "v1");
			kv.put("k", "v2");
			kv.put("gone", "x");
			kv.delete("gone");
		}
		target.restart();
		try (Connection connection = connect(target)) {
			KeyValue kv = connection.keyValue("B");
			KeyValueEntry entry = kv.get("k");
			assertThat(List.of(entry.getValueAsString(), entry.getRevision())).containsExactly("v2", 2L);
			assertThat(kv.get("gone")).isNull();
			assertThat(kv.history("gone")).extracting(KeyValueEntry::getOperation)
				.containsExactly(KeyValueOperation.PUT, KeyValueOperation.DELETE);
			assertThat(kv.keys()).containsExactly("k");
			assertThat(kv.update("k", "v3", 2)).isEqualTo(5);
		}
	}

	@InteropTest
	void tornLastRecordIsCutOffAtStart(TargetKind kind) throws Exception {
		Assumptions.assumeTrue(kind == TargetKind.EMBEDDED,
				"the torn record is written in the broker's own block format; nats-server's files differ");
		NatsBrokerOptions options = jetStreamOptions();
		NatsTarget target = start(kind, options);
		try (Connection connection = connect(target)) {
			connection.jetStreamManagement().addStream(fileStream("S", "s.>").build());
			publish(connection.jetStream(), "s.a", "m", 5);
		}
		int port = target.port();
		target.stop();
		Path block = lastBlock(storeDirectory.resolve("jetstream").resolve("$G").resolve("streams").resolve("S"));
		try (FileChannel channel = FileChannel.open(block, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - 3);
		}
		target.start(options.toBuilder().port(port).build());
		try (Connection connection = connect(target)) {
			JetStreamManagement management = connection.jetStreamManagement();
			StreamState state = management.getStreamInfo("S").getStreamState();
			assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
				.containsExactly(4L, 1L, 4L);
			assertThat(text(management.getMessage("S", 4))).isEqualTo("m-4");
			assertThat(connection.jetStream().publish("s.a", utf8("m-5 again")).getSeqno()).isEqualTo(5);
			assertThat(text(management.getMessage("S", 5))).isEqualTo("m-5 again");
		}
	}

	private static Path lastBlock(Path streamDirectory) throws Exception {
		try (Stream<Path> files = Files.walk(streamDirectory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".blk"))
				.max(Comparator.comparing(DurabilityInteropTests::blockNumber))
				.orElseThrow(() -> new AssertionError("no block file under " + streamDirectory));
		}
	}

	private static int blockNumber(Path block) {
		String name = block.getFileName().toString();
		return Integer.parseInt(name.substring(0, name.length() - ".blk".length()));
	}
}
