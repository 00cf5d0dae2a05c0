package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.PurgeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scripted workload run against nats-server and the broker, every value jnats reports recorded on the way
 * (configurations as jnats re-serializes them, PubAcks, errors, stream state with bytes, consumer counters,
 * delivery metadata, key-value status), and the two records compared line by line.
 */
class JetStreamParityTests extends JetStreamScenario {

	@Test
	void theSameWorkloadGivesTheSameAnswers() throws Exception {
		List<String> natsServer = record(TargetKind.NATS_SERVER);
		List<String> broker = record(TargetKind.EMBEDDED);
		assertThat(broker).containsExactlyElementsOf(natsServer);
	}

	private List<String> record(TargetKind kind) throws Exception {
		Connection connection = connect(start(kind, jetStreamOptions(storeDirectory.resolve(kind.label()))));
		JetStreamManagement management = connection.jetStreamManagement();
		JetStream jetStream = connection.jetStream();
		List<String> record = new ArrayList<>();
		StreamInfo created = management.addStream(fileStream("P", "p.>").maxMessagesPerSubject(3)
			.maxMessages(50).duplicateWindow(Duration.ofSeconds(30)).build());
		record.add("config " + created.getConfiguration().toJson());
		record.add("state " + state(created.getStreamState()));
		record.add("memory config " + management.addStream(fileStream("M", "m.>").storageType(StorageType.Memory)
			.discardPolicy(DiscardPolicy.New).maxBytes(1000).build()).getConfiguration().toJson());
		for (int i = 1; i <= 12; i++) {
			record.add(publish(jetStream, "p." + (char) ('a' + i % 4), "v" + i,
					PublishOptions.builder().messageId("id-" + (i % 10)).build()));
		}
		record.add(publish(jetStream, "p.a", "x", PublishOptions.builder().expectedLastSequence(3).build()));
		record.add(publish(jetStream, "p.a", "x", PublishOptions.builder().expectedLastSubjectSequence(8).build()));
		record.add(publish(jetStream, "p.b", "x", PublishOptions.builder().expectedLastMsgId("nope").build()));
		record.add(publish(jetStream, "p.b", "x", PublishOptions.builder().expectedStream("M").build()));
		for (int i = 0; i < 12; i++) {
			record.add(publish(jetStream, "m.a", "0123456789".repeat(i + 1), PublishOptions.builder().build()));
		}
		record.add("state " + state(management.getStreamInfo("P").getStreamState()));
		record.add("memory state " + state(management.getStreamInfo("M").getStreamState()));
		record.add("delete " + call(() -> management.deleteMessage("P", 6)));
		record.add("delete again " + call(() -> management.deleteMessage("P", 6)));
		record.add("get " + call(() -> management.getMessage("P", 7).getSubject()));
		record.add("last " + call(() -> management.getLastMessage("P", "p.c").getSeq()));
		record.add("state " + state(management.getStreamInfo("P").getStreamState()));

		ConsumerInfo consumer = management.addOrUpdateConsumer("P", ConsumerConfiguration.builder().durable("c")
			.filterSubject("p.>").ackWait(Duration.ofSeconds(20)).maxAckPending(4).build());
		record.add("consumer config " + consumer.getConsumerConfiguration().toJson());
		record.add("consumer " + counters(consumer));
		JetStreamSubscription subscription = jetStream.subscribe(null, PullSubscribeOptions.bind("P", "c"));
		List<Message> batch = subscription.fetch(6, Duration.ofMillis(1000));
		record.add("fetched " + deliveries(batch));
		// nats-server handles acks in order apart from pull requests: the synchronous acks last make sure the
		// nak and the term were handled before the next fetch
		batch.get(1).nak();
		batch.get(3).term();
		batch.get(0).ackSync(Duration.ofSeconds(2));
		batch.get(2).ackSync(Duration.ofSeconds(2));
		record.add("consumer " + counters(subscription.getConsumerInfo()));
		List<Message> again = subscription.fetch(3, Duration.ofMillis(1000));
		record.add("fetched " + deliveries(again));
		for (Message message : again) {
			message.ackSync(Duration.ofSeconds(2));
		}
		record.add("consumer " + counters(subscription.getConsumerInfo()));

		ConsumerInfo byStart = management.addOrUpdateConsumer("P", ConsumerConfiguration.builder().durable("s")
			.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(9).ackPolicy(AckPolicy.All).build());
		record.add("by start config " + byStart.getConsumerConfiguration().toJson());
		record.add("by start " + counters(byStart));
		record.add("consumers " + management.getConsumerNames("P").stream().sorted().toList());
		record.add("purge " + call(() -> management.purgeStream("P", PurgeOptions.builder().subject("p.a").keep(1)
			.build()).getPurged()));
		record.add("state " + state(management.getStreamInfo("P").getStreamState()));
		record.add("by start after purge " + counters(management.getConsumerInfo("P", "s")));

		KeyValueStatus status = connection.keyValueManagement().create(KeyValueConfiguration.builder().name("KVP")
			.maxHistoryPerKey(2).storageType(StorageType.File).build());
		record.add("kv config " + status.getConfiguration().getBackingConfig().toJson());
		KeyValue kv = connection.keyValue("KVP");
		record.add("kv " + kv.put("a", "1") + " " + kv.put("a", "2") + " " + kv.put("a", "3") + " " + kv.put("b", "1"));
		record.add("kv update " + call(() -> kv.update("a", "4", 2)));
		record.add("kv create " + call(() -> kv.create("b", new byte[] { 1 })));
		kv.delete("b");
		record.add("kv history " + kv.history("a").stream().map((entry) -> entry.getRevision() + "=" + entry.getValueAsString())
			.toList());
		record.add("kv keys " + kv.keys());
		record.add("kv state " + state(management.getStreamInfo("KV_KVP").getStreamState()));
		return record;
	}

	private static String publish(JetStream jetStream, String subject, String payload, PublishOptions options) {
		return "publish " + subject + " " + call(() -> {
			PublishAck ack = jetStream.publish(subject, utf8(payload), options);
			return ack.getStream() + " " + ack.getSeqno() + (ack.isDuplicate() ? " duplicate" : "");
		});
	}

	private static String state(StreamState state) {
		return List.of(state.getMsgCount(), state.getByteCount(), state.getFirstSequence(), state.getLastSequence(),
				state.getSubjectCount(), state.getDeletedCount(), state.getConsumerCount()).toString();
	}

	private static List<String> deliveries(List<Message> messages) {
		return messages.stream().map((message) -> message.getSubject() + "#" + message.metaData().streamSequence() + "/"
				+ message.metaData().consumerSequence() + "x" + message.metaData().deliveredCount() + " pending "
				+ message.metaData().pendingCount()).toList();
	}

	private static String call(Call call) {
		try {
			return String.valueOf(call.run());
		}
		catch (JetStreamApiException ex) {
			return "error " + ex.getErrorCode() + " " + ex.getApiErrorCode() + " " + ex.getErrorDescription();
		}
		catch (Exception ex) {
			return "failure " + ex.getClass().getSimpleName();
		}
	}

	@FunctionalInterface
	private interface Call {

		Object run() throws Exception;

	}
}
