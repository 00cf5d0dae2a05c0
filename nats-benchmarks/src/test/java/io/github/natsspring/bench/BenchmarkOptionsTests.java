package io.github.natsspring.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void defaultsToTheFullRunAgainstTheBrokerJar() {
		BenchmarkOptions options = BenchmarkOptions.parse();

		assertThat(options.quick()).isFalse();
		assertThat(options.referenceOnly()).isFalse();
		assertThat(options.effectiveRepetitions()).isEqualTo(5);
		assertThat(options.brokerJar()).isEqualTo(Path.of("nats-embedded-broker/target/nats-broker.jar"));
		assertThat(options.brokerJvmOptions()).isEqualTo(BenchmarkOptions.DEFAULT_BROKER_JVM_OPTIONS);
		assertThat(options.connections()).isEqualTo(10_000);
	}

	@Test
	void quickModeRunsThreeRepetitionsUnlessToldOtherwise() {
		assertThat(BenchmarkOptions.parse("--quick").effectiveRepetitions()).isEqualTo(3);
		assertThat(BenchmarkOptions.parse("--quick", "--repetitions", "7").effectiveRepetitions()).isEqualTo(7);
	}

	@Test
	void brokerJvmOptionsAreSplitIntoWords() {
		BenchmarkOptions options = BenchmarkOptions.parse("--broker-jvm-opts", " -XX:+UseG1GC  -Xmx1g ");

		assertThat(options.brokerJvmOptions()).containsExactly("-XX:+UseG1GC", "-Xmx1g");
	}

	@Test
	void onlySelectsScenariosContainingOneOfTheTexts() {
		BenchmarkOptions options = BenchmarkOptions.parse("--only", "fan-out; request-reply, 128");

		assertThat(options.selects("fan-out 1→4, 128 B")).isTrue();
		assertThat(options.selects("request-reply, 128 B")).isTrue();
		assertThat(options.selects("pub/sub 1:1, 16 B")).isFalse();
	}

	@Test
	void onlyIgnoresCase() {
		BenchmarkOptions options = BenchmarkOptions.parse("--only", "tls;PERMISSIONS");

		assertThat(options.selects("pub/sub 1:1, 128 B, TLS")).isTrue();
		assertThat(options.selects("pub/sub 1:1, 128 B, permissions")).isTrue();
		assertThat(options.selects("pub/sub 1:1, 128 B, plaintext")).isFalse();
	}

	@Test
	void bothClientsDriveTheServersByDefault() {
		BenchmarkOptions options = BenchmarkOptions.parse();

		assertThat(options.load()).isEqualTo(LoadClients.BOTH);
		assertThat(options.load().includesGo()).isTrue();
		assertThat(options.load().includesJnats()).isTrue();
	}

	@Test
	void loadChoosesOneClient() {
		assertThat(BenchmarkOptions.parse("--load", "go").load().includesJnats()).isFalse();
		assertThat(BenchmarkOptions.parse("--load", "JNATS").load().includesGo()).isFalse();
	}

	@Test
	void rejectsAnUnknownLoad() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--load", "rust"))
			.withMessageContaining("--load takes go, jnats or both");
	}

	@Test
	void rejectsUnknownOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--fast"))
			.withMessageContaining("Unknown option --fast");
	}

	@Test
	void rejectsAnOptionWithoutItsValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--connections"))
			.withMessageContaining("needs a value");
	}

}
