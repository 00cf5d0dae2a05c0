package io.github.natsspring.bench.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcessCpuTests {

	@Test
	void sumsUserAndSystemTicks() {
		String stat = "20529 (nats-server) S 20400 20400 20400 0 -1 4194560 1525 0 0 0 731 288 0 0 20 0 8 0 "
				+ "5342 1263566848 4362 18446744073709551615 1 1 0 0 0 0 0 0 2143420159 0 0 0 17 1 0 0 0 0 0";

		assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(731 + 288);
	}

	@Test
	void readsFieldsAfterACommandNameContainingSpacesAndParentheses() {
		String stat = "42 (my (odd) name) R 1 42 42 0 -1 4194304 10 0 0 0 5 7 0 0 20 0 1 0 100 0 0";

		assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(12);
	}

	@Test
	void rejectsTextThatIsNotAStatLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessCpu.parseTicks("no command name here"));
	}

	@Test
	void readsTheCpuTimeOfTheRunningJvm() {
		long pid = ProcessHandle.current().pid();

		assertThat(ProcessCpu.readTicks(pid)).isPositive();
	}

}
