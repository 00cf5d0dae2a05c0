package io.github.natsspring.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityTests {

	@Test
	void messageRatesUseMegaAndKiloPrefixes() {
		assertThat(Quantity.format(1_234_567, "msg/s")).isEqualTo("1.23 M msg/s");
		assertThat(Quantity.format(812_345, "msg/s")).isEqualTo("812 k msg/s");
		assertThat(Quantity.format(950, "msg/s")).isEqualTo("950 msg/s");
	}

	@Test
	void smallTimesKeepThreeSignificantDigits() {
		assertThat(Quantity.format(0.8432, "µs")).isEqualTo("0.84 µs");
		assertThat(Quantity.format(0.0421, "µs")).isEqualTo("0.042 µs");
		assertThat(Quantity.format(24.56, "µs")).isEqualTo("24.6 µs");
	}

	@Test
	void countsAreWholeNumbersWithGrouping() {
		assertThat(Quantity.format(10_000, "")).isEqualTo("10,000");
	}

	@Test
	void missingValuesAreMarked() {
		assertThat(Quantity.format(Double.NaN, "KB")).isEqualTo("n/a");
		assertThat(Quantity.ratio(Double.NaN)).isEqualTo("—");
	}

	@Test
	void ratiosHaveTwoDecimals() {
		assertThat(Quantity.ratio(1.2345)).isEqualTo("1.23×");
	}

}
