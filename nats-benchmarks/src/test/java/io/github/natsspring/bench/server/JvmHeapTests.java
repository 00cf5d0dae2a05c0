package io.github.natsspring.bench.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JvmHeapTests {

	@Test
	void sumsSurvivorEdenAndOldUsedSpace() {
		String jstat = """
				    S0C         S1C         S0U         S1U          EC           EU           OC           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT
				    15872.0     15872.0       100.0         0.0      97280.0      15565.8     258048.0       2242.5        0.0        0.0       0.0       0.0      0     0.000     0     0.000     -         -     0.000
				""";

		assertThat(JvmHeap.parseUsedKilobytes(jstat)).isEqualTo(100.0 + 15565.8 + 2242.5);
	}

	@Test
	void rejectsOutputWithoutValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> JvmHeap.parseUsedKilobytes("S0C S1C S0U S1U EU OU\n"));
	}

	@Test
	void rejectsOutputWithoutAUsedColumn() {
		assertThatIllegalArgumentException().isThrownBy(() -> JvmHeap.parseUsedKilobytes("S0U S1U EU\n1 2 3\n"));
	}

	@Test
	void measuresTheLiveHeapOfARunningJvm() {
		long pid = ProcessHandle.current().pid();

		assertThat(JvmHeap.readLiveKilobytes(pid)).isPositive();
	}

}
