package io.github.natsspring.bench.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcessMemoryTests {

	@Test
	void readsResidentSetSizeFromStatus() {
		String status = """
				Name:	nats-server
				VmPeak:	 1300000 kB
				VmSize:	 1263568 kB
				VmHWM:	   20480 kB
				VmRSS:	   17448 kB
				RssAnon:	    8000 kB
				""";

		assertThat(ProcessMemory.parseResidentKilobytes(status)).isEqualTo(17448);
	}

	@Test
	void rejectsStatusWithoutResidentSetSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessMemory.parseResidentKilobytes("Name:\tx\n"));
	}

	@Test
	void readsSoftOpenFilesLimit() {
		String limits = """
				Limit                     Soft Limit           Hard Limit           Units
				Max processes             unlimited            unlimited            processes
				Max open files            20000                40000                files
				""";

		assertThat(ProcessMemory.parseOpenFileLimit(limits)).isEqualTo(20000);
	}

	@Test
	void reportsUnlimitedOpenFilesAsMinusOne() {
		String limits = "Max open files            unlimited            unlimited            files\n";

		assertThat(ProcessMemory.parseOpenFileLimit(limits)).isEqualTo(-1);
	}

}
