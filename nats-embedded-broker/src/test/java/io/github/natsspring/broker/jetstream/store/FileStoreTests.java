package io.github.natsspring.broker.jetstream.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared store behaviour on a {@link FileStore}, and what only files do: recovery, torn and corrupt
 * records, blocks.
 */
class FileStoreTests extends MessageStoreContractTests {

	@TempDir
	Path root;

	private int streams;

	@Override
	MessageStore create(StoreLimits limits) {
		return FileStore.open("S", limits, options(this.root.resolve("s" + (++this.streams))).build());
	}

	@Override
	long sizeOf(String subject, byte[] headers, byte[] payload) {
		return (headers == null) ? 22 + subject.length() + payload.length + 8
				: 22 + subject.length() + 4 + headers.length + payload.length + 8;
	}

	private static FileStoreOptions.Builder options(Path directory) {
		return FileStoreOptions.builder(directory).forceEachWrite(false);
	}

	private FileStore reopen(Path directory, StoreLimits limits) {
		return FileStore.open("S", limits, options(directory).build());
	}

	private static List<Path> blocks(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory.resolve("msgs"))) {
			return files.sorted().toList();
		}
	}

	@Test
	void reopeningRestoresMessagesDeletesAndState() throws Exception {
		Path directory = this.root.resolve("stream");
		StreamState before;
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			store.store("s.a", bytes("NATS/1.0\r\nX: 1\r\n\r\n"), bytes("one"), 11);
			for (int i = 2; i <= 6; i++) {
				store(store, "s." + (char) ('a' + i % 3), "m" + i);
			}
			store.remove(1, false);
			store.remove(4, true);
			store.purge(PurgeRequest.subject("s.c"));
			before = store.state();
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(store.state()).isEqualTo(before);
			assertThat(store.load(1)).isNull();
			assertThat(store.load(4)).isNull();
			assertThat(payloadOf(store.load(3))).isEqualTo("m3");
			assertThat(store.subjectCounts(null)).containsExactly(Map.entry("s.a", 2L));
			assertThat(store(store, "s.a", "next")).isEqualTo(7);
		}
	}

	@Test
	void reopeningAfterAFullPurgeKeepsTheSequences() {
		Path directory = this.root.resolve("stream");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			for (int i = 1; i <= 10; i++) {
				store(store, "s", "m" + i);
			}
			store.purge(PurgeRequest.all());
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			StreamState state = store.state();
			assertThat(state.messages()).isZero();
			assertThat(state.firstSequence()).isEqualTo(11);
			assertThat(state.lastSequence()).isEqualTo(10);
			assertThat(state.lastTimestamp()).isPositive();
			assertThat(store(store, "s", "m11")).isEqualTo(11);
		}
	}

	@Test
	void reopeningWithTighterLimitsAppliesThem() {
		Path directory = this.root.resolve("stream");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			for (int i = 1; i <= 10; i++) {
				store(store, "s", "m" + i);
			}
		}
		try (FileStore store = reopen(directory, StoreLimits.builder().maxMessages(3).build())) {
			assertThat(store.state().firstSequence()).isEqualTo(8);
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(store.state().messages()).isEqualTo(3);
		}
	}

	@Test
	void aTornLastRecordIsDroppedAtEveryOffset() throws Exception {
		Path directory = this.root.resolve("stream");
		long lastRecordStart;
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			store(store, "s.a", "first");
			store(store, "s.b", "second");
			lastRecordStart = Files.size(blocks(directory).get(0));
			store.store("s.c", bytes("NATS/1.0\r\nX: y\r\n\r\n"), bytes("third"), now());
		}
		Path block = blocks(directory).get(0);
		byte[] whole = Files.readAllBytes(block);
		for (long cut = lastRecordStart; cut < whole.length; cut++) {
			Files.write(block, whole);
			try (RandomAccessFile file = new RandomAccessFile(block.toFile(), "rw")) {
				file.setLength(cut);
			}
			try (FileStore store = reopen(directory, StoreLimits.none())) {
				StreamState state = store.state();
				assertThat(state.messages()).as("cut at %d", cut).isEqualTo(2);
				assertThat(state.lastSequence()).as("cut at %d", cut).isEqualTo(2);
				assertThat(Files.size(block)).as("cut at %d", cut).isEqualTo(lastRecordStart);
			}
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(store(store, "s.c", "again")).isEqualTo(3);
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(payloadOf(store.load(3))).isEqualTo("again");
			assertThat(payloadOf(store.load(2))).isEqualTo("second");
		}
	}

	@Test
	void aCorruptRecordBeforeOthersIsSkipped() throws Exception {
		Path directory = this.root.resolve("stream");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			store(store, "s", "aaaa");
			store(store, "s", "bbbb");
			store(store, "s", "cccc");
		}
		Path block = blocks(directory).get(0);
		byte[] content = Files.readAllBytes(block);
		int at = new String(content, StandardCharsets.ISO_8859_1).indexOf("bbbb");
		content[at] = 'X';
		Files.write(block, content);
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			StreamState state = store.state();
			assertThat(state.messages()).isEqualTo(2);
			assertThat(state.numDeleted()).isEqualTo(1);
			assertThat(store.load(2)).isNull();
			assertThat(payloadOf(store.load(3))).isEqualTo("cccc");
			assertThat(store(store, "s", "dddd")).isEqualTo(4);
		}
	}

	@Test
	void blocksRollAtTheirSizeAndGoOnceTheirMessagesAreRemoved() throws Exception {
		Path directory = this.root.resolve("stream");
		FileStoreOptions options = options(directory).blockSize(200).build();
		try (FileStore store = FileStore.open("S", StoreLimits.builder().maxMessages(6).build(), options)) {
			for (int i = 1; i <= 6; i++) {
				store(store, "s", "0123456789012345678901234567890123456789" + i);
			}
			assertThat(blocks(directory)).hasSize(3);
			for (int i = 7; i <= 8; i++) {
				store(store, "s", "0123456789012345678901234567890123456789" + i);
			}
			assertThat(blocks(directory)).extracting((path) -> path.getFileName().toString())
				.containsExactly("2.blk", "3.blk", "4.blk");
			store.remove(5, false);
			store.remove(6, false);
			assertThat(blocks(directory)).hasSize(3);
			store.remove(3, false);
			store.remove(4, false);
			assertThat(blocks(directory)).extracting((path) -> path.getFileName().toString())
				.containsExactly("4.blk");
		}
		try (FileStore store = FileStore.open("S", StoreLimits.none(), options)) {
			StreamState state = store.state();
			assertThat(state.messages()).isEqualTo(2);
			assertThat(state.firstSequence()).isEqualTo(7);
			assertThat(state.lastSequence()).isEqualTo(8);
		}
	}

	@Test
	void aFullPurgeLeavesOneSmallBlock() throws Exception {
		Path directory = this.root.resolve("stream");
		try (FileStore store = FileStore.open("S", StoreLimits.none(), options(directory).blockSize(200).build())) {
			for (int i = 1; i <= 10; i++) {
				store(store, "s", "0123456789012345678901234567890123456789");
			}
			store.purge(PurgeRequest.all());
			assertThat(blocks(directory)).hasSize(1);
			assertThat(Files.size(blocks(directory).get(0))).isEqualTo(BlockRecords.FIRST_LENGTH);
		}
	}

	@Test
	void anErasedMessageIsOverwrittenOnDisk() throws Exception {
		Path directory = this.root.resolve("stream");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			store(store, "s", "secret-payload");
			store(store, "s", "kept");
			store.remove(1, true);
		}
		String content = new String(Files.readAllBytes(blocks(directory).get(0)), StandardCharsets.ISO_8859_1);
		assertThat(content).doesNotContain("secret-payload").contains("kept");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(store.state().messages()).isEqualTo(1);
			assertThat(store.state().firstSequence()).isEqualTo(2);
		}
	}

	@Test
	void consumerStateSurvivesReopening() {
		Path directory = this.root.resolve("stream");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			ConsumerStore consumer = store.consumer("d1", AckPolicy.EXPLICIT);
			consumer.writeMetadata(bytes("{\"durable_name\":\"d1\"}"));
			consumer.delivered(1, 1, 1, 100);
			consumer.delivered(2, 2, 1, 200);
			consumer.delivered(3, 2, 2, 300);
			consumer.acked(1, 1);
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(store.consumerNames()).containsExactly("d1");
			ConsumerStore consumer = store.consumer("d1", AckPolicy.EXPLICIT);
			ConsumerState state = consumer.state();
			assertThat(state.delivered()).isEqualTo(new SequencePair(3, 2));
			assertThat(state.ackFloor()).isEqualTo(new SequencePair(2, 1));
			assertThat(state.pending()).containsExactly(Map.entry(2L, new PendingDelivery(3, 300)));
			assertThat(state.deliveryCounts()).containsExactly(Map.entry(2L, 2));
			assertThat(consumer.metadata()).isEqualTo(bytes("{\"durable_name\":\"d1\"}"));
		}
	}

	@Test
	void aTornConsumerStateWriteFallsBackToThePreviousState() throws Exception {
		Path directory = this.root.resolve("stream");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			ConsumerStore consumer = store.consumer("d1", AckPolicy.NONE);
			consumer.delivered(1, 1, 1, 100);
			// changes are written together within an interval: the first lands in slot 1 without a close
			Path first = directory.resolve("obs").resolve("d1").resolve("state.1");
			await().atMost(Duration.ofSeconds(5)).until(() -> Files.size(first) > 0);
			consumer.delivered(2, 2, 1, 200);
		}
		Path latest = directory.resolve("obs").resolve("d1").resolve("state.0");
		try (RandomAccessFile file = new RandomAccessFile(latest.toFile(), "rw")) {
			file.setLength(file.length() - 1);
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(store.consumer("d1", AckPolicy.NONE).state().delivered()).isEqualTo(new SequencePair(1, 1));
		}
	}

	@Test
	void metadataSurvivesReopening() {
		Path directory = this.root.resolve("stream");
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			store.writeMetadata(bytes("{\"name\":\"S\"}"));
		}
		try (FileStore store = reopen(directory, StoreLimits.none())) {
			assertThat(store.metadata()).isEqualTo(bytes("{\"name\":\"S\"}"));
		}
	}

	@Test
	void concurrentWritersForcingEachWriteAllGetTheirMessagesStored() throws Exception {
		Path directory = this.root.resolve("stream");
		FileStoreOptions options = FileStoreOptions.builder(directory).build();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try (FileStore store = FileStore.open("S", StoreLimits.none(), options)) {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				done.add(writers.submit(() -> {
					for (int i = 0; i < 25; i++) {
						store(store, "s", "m");
					}
				}));
			}
			for (Future<?> writer : done) {
				writer.get();
			}
			store.sync();
			assertThat(store.state().lastSequence()).isEqualTo(100);
		}
		finally {
			writers.shutdownNow();
		}
		try (FileStore store = FileStore.open("S", StoreLimits.none(), options)) {
			assertThat(store.state().messages()).isEqualTo(100);
		}
	}

	@Test
	void deletingTheStoreRemovesItsDirectory() {
		Path directory = this.root.resolve("stream");
		FileStore store = reopen(directory, StoreLimits.none());
		store(store, "s", "m");
		store.consumer("d1", AckPolicy.NONE).delivered(1, 1, 1, 1);
		store.delete();
		assertThat(directory).doesNotExist();
	}
}
