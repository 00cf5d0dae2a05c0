package io.github.natsspring.broker.jetstream.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code kill -9} must not lose: every message whose store call returned (the PubAck's promise).
 */
class FileStoreKillTests {

	private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

	private static final int MAXIMUM = 2_000_000;

	@TempDir
	Path directory;

	@Test
	void everyAcknowledgedMessageSurvivesAKillMidBurst() throws Exception {
		Path storeDirectory = this.directory.resolve("stream");
		Path printed = this.directory.resolve("acknowledged.txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp",
				System.getProperty("java.class.path"), StoreWriterProcess.class.getName(), storeDirectory.toString(),
				String.valueOf(MAXIMUM))
			.redirectOutput(printed.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		boolean aliveAtKill;
		try {
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> !child.isAlive() || countLines(Files.readAllBytes(printed)) >= ACKNOWLEDGED_BEFORE_KILL);
			aliveAtKill = child.isAlive();
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			child.destroyForcibly();
		}
		assertThat(aliveAtKill).as("killed while still storing").isTrue();
		List<Long> acknowledged = completeLines(Files.readAllBytes(printed));
		assertThat(acknowledged).hasSizeBetween(ACKNOWLEDGED_BEFORE_KILL, MAXIMUM - 1);
		try (FileStore store = FileStore.open("S", StoreLimits.none(), FileStoreOptions.builder(storeDirectory).build())) {
			assertThat(store.state().lastSequence()).isGreaterThanOrEqualTo(acknowledged.get(acknowledged.size() - 1));
			for (long sequence : acknowledged) {
				StoredMessage message = store.load(sequence);
				assertThat(message).as("message %d", sequence).isNotNull();
				assertThat(new String(message.payload(), StandardCharsets.US_ASCII)).isEqualTo("m-" + sequence);
			}
		}
	}

	private static int countLines(byte[] printed) {
		int lines = 0;
		for (byte b : printed) {
			if (b == '\n') {
				lines++;
			}
		}
		return lines;
	}

	private static List<Long> completeLines(byte[] printed) {
		String text = new String(printed, StandardCharsets.US_ASCII);
		List<Long> sequences = new ArrayList<>();
		int start = 0;
		for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
			sequences.add(Long.parseLong(text.substring(start, end)));
			start = end + 1;
		}
		return sequences;
	}
}
