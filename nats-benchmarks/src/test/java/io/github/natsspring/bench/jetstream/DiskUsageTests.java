package io.github.natsspring.bench.jetstream;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DiskUsageTests {

	@TempDir
	Path directory;

	@Test
	void parsesTheByteCountBeforeThePath() {
		assertThat(DiskUsage.parse("33677312\t/tmp/store dir/nats-server\n")).isEqualTo(33_677_312L);
	}

	@Test
	void outputWithoutACountIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> DiskUsage.parse("du: cannot access '/x'"))
			.withMessageContaining("du printed no byte count: du: cannot access");
	}

	@Test
	void countsTheBlocksOfEveryFileBelowTheDirectory() throws Exception {
		long empty = DiskUsage.bytes(this.directory);
		Path nested = Files.createDirectories(this.directory.resolve("jetstream/BENCH/msgs"));
		Files.write(nested.resolve("1.blk"), new byte[100_000]);

		assertThat(DiskUsage.bytes(this.directory) - empty).isGreaterThanOrEqualTo(100_000);
	}

	@Test
	void aMissingDirectoryFailsWithDusMessage() {
		assertThatIllegalStateException().isThrownBy(() -> DiskUsage.bytes(this.directory.resolve("missing")))
			.withMessageContaining("du -s -B1")
			.withMessageContaining("missing");
	}

}
