package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Key-value buckets through jnats' {@code KeyValueManagement} and {@link KeyValue}. */
class KeyValueInteropTests extends JetStreamScenario {

	private KeyValue bucket(Connection connection, int history) throws Exception {
		KeyValueStatus status = connection.keyValueManagement()
			.create(KeyValueConfiguration.builder().name("B").maxHistoryPerKey(history).storageType(StorageType.File)
				.build());
		assertThat(List.of(status.getBucketName(), status.getBackingStore())).containsExactly("B", "JetStream");
		assertThat(status.getMaxHistoryPerKey()).isEqualTo(history);
		return connection.keyValue("B");
	}

	@InteropTest
	void bucketIsAStreamWithTheKeyValueConventions(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		bucket(connection, 5);
		StreamConfiguration config = connection.jetStreamManagement().getStreamInfo("KV_B").getConfiguration();
		assertThat(config.getSubjects()).containsExactly("$KV.B.>");
		assertThat(config.getMaxMsgsPerSubject()).isEqualTo(5);
		assertThat(config.getDiscardPolicy()).isEqualTo(DiscardPolicy.New);
		assertThat(List.of(config.getAllowDirect(), config.getAllowRollup(), config.getDenyDelete()))
			.containsExactly(true, true, true);
		assertThat(connection.keyValueManagement().getBucketNames()).containsExactly("B");
	}

	@InteropTest
	void putGetUpdateAndCreateFollowRevisions(TargetKind kind) throws Exception {
		KeyValue kv = bucket(connect(startJetStream(kind)), 5);
		assertThat(kv.put("k", "v1")).isEqualTo(1);
		KeyValueEntry entry = kv.get("k");
		assertThat(List.of(entry.getKey(), entry.getValueAsString(), entry.getRevision(), entry.getOperation()))
			.containsExactly("k", "v1", 1L, KeyValueOperation.PUT);
		assertThat(kv.update("k", "v2", 1)).isEqualTo(2);
		assertApiError(apiError(() -> kv.update("k", "v3", 1)), 400, 10071, "wrong last sequence: 2");
		assertThat(kv.create("k2", utf8("x"))).isEqualTo(3);
		assertApiError(apiError(() -> kv.create("k2", utf8("y"))), 400, 10071, "wrong last sequence: 3");
		assertThat(kv.get("k", 1).getValueAsString()).isEqualTo("v1");
		assertThat(kv.get("missing")).isNull();
		assertThat(kv.get("k", 3)).isNull();
	}

	@InteropTest
	void deleteAndPurgeLeaveMarkersThatHistoryShows(TargetKind kind) throws Exception {
		KeyValue kv = bucket(connect(startJetStream(kind)), 5);
		kv.put("k", "v1");
		kv.put("k", "v2");
		kv.put("p", "x");
		kv.delete("k");
		assertThat(kv.get("k")).isNull();
		assertThat(kv.history("k")).extracting(KeyValueEntry::getOperation)
			.containsExactly(KeyValueOperation.PUT, KeyValueOperation.PUT, KeyValueOperation.DELETE);
		assertThat(kv.create("k", utf8("again"))).isEqualTo(5);
		kv.purge("p");
		assertThat(kv.history("p")).extracting(KeyValueEntry::getOperation).containsExactly(KeyValueOperation.PURGE);
		assertThat(kv.keys()).containsExactly("k");
	}

	@InteropTest
	void historyKeepsOnlyTheConfiguredRevisions(TargetKind kind) throws Exception {
		KeyValue kv = bucket(connect(startJetStream(kind)), 3);
		for (int i = 1; i <= 5; i++) {
			kv.put("k", "v" + i);
		}
		kv.put("other", "o");
		assertThat(kv.history("k")).extracting(KeyValueEntry::getValueAsString).containsExactly("v3", "v4", "v5");
		assertThat(kv.history("k")).extracting(KeyValueEntry::getRevision).containsExactly(3L, 4L, 5L);
		assertThat(kv.keys()).containsExactlyInAnyOrder("k", "other");
		assertThat(kv.getStatus().getEntryCount()).isEqualTo(4);
	}

	@InteropTest
	void watchDeliversInitialValuesThenLiveUpdates(TargetKind kind) throws Exception {
		KeyValue kv = bucket(connect(startJetStream(kind)), 5);
		kv.put("a", "1");
		kv.put("b", "1");
		kv.put("a", "2");
		List<String> seen = new CopyOnWriteArrayList<>();
		KeyValueWatcher watcher = new KeyValueWatcher() {
			@Override
			public void watch(KeyValueEntry entry) {
				seen.add(entry.getKey() + "=" + entry.getValueAsString() + "@" + entry.getRevision() + ":"
						+ entry.getOperation());
			}

			@Override
			public void endOfData() {
				seen.add("end");
			}
		};
		try (NatsKeyValueWatchSubscription watch = kv.watchAll(watcher)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("end"));
			kv.put("c", "1");
			kv.delete("b");
			await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 5);
		}
		assertThat(seen).containsExactly("b=1@2:PUT", "a=2@3:PUT", "end", "c=1@4:PUT", "b=null@5:DELETE");
	}
}
