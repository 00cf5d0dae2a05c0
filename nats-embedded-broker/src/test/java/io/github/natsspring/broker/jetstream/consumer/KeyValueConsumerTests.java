package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * jnats key-value keys, history and watch: headers-only {@code last_per_subject} push consumers.
 */
class KeyValueConsumerTests {

	@TempDir
	Path directory;

	private JetStreamBroker broker;

	private KeyValue kv;

	@BeforeEach
	void start() throws Exception {
		this.broker = new JetStreamBroker(this.directory).start();
		this.broker.connection().keyValueManagement()
			.create(KeyValueConfiguration.builder().name("B").maxHistoryPerKey(5).storageType(StorageType.File).build());
		this.kv = this.broker.connection().keyValue("B");
	}

	@AfterEach
	void stop() {
		this.broker.close();
	}

	@Test
	void keysListsTheLiveKeys() throws Exception {
		this.kv.put("a", "1");
		this.kv.put("b", "1");
		this.kv.put("a", "2");
		this.kv.put("c", "1");
		this.kv.delete("c");
		assertThat(this.kv.keys()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void keysOfAnEmptyBucket() throws Exception {
		assertThat(this.kv.keys()).isEmpty();
	}

	@Test
	void historyListsEveryRevisionOfAKey() throws Exception {
		this.kv.put("a", "1");
		this.kv.put("b", "x");
		this.kv.put("a", "2");
		this.kv.delete("a");
		List<KeyValueEntry> history = this.kv.history("a");
		assertThat(history).extracting(KeyValueEntry::getRevision).containsExactly(1L, 3L, 4L);
		assertThat(history.get(1).getValueAsString()).isEqualTo("2");
		assertThat(history.get(2).getOperation()).isEqualTo(KeyValueOperation.DELETE);
	}

	@Test
	void watchGetsTheLastValuesThenUpdates() throws Exception {
		this.kv.put("a", "1");
		this.kv.put("a", "2");
		this.kv.put("b", "1");
		List<String> seen = new CopyOnWriteArrayList<>();
		List<Boolean> endOfData = new CopyOnWriteArrayList<>();
		KeyValueWatcher watcher = new KeyValueWatcher() {
			@Override
			public void watch(KeyValueEntry entry) {
				seen.add(entry.getKey() + "=" + entry.getValueAsString());
			}

			@Override
			public void endOfData() {
				endOfData.add(true);
			}
		};
		try (var watch = this.kv.watchAll(watcher)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> !endOfData.isEmpty());
			assertThat(seen).containsExactly("a=2", "b=1");
			this.kv.put("c", "new".getBytes(StandardCharsets.UTF_8));
			await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("c=new"));
		}
	}
}
