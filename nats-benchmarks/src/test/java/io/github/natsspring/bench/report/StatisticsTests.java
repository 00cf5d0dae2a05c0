package io.github.natsspring.bench.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(Statistics.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleValues() {
		assertThat(Statistics.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
	}

	@Test
	void medianIgnoresValuesThatAreNotNumbers() {
		assertThat(Statistics.median(List.of(Double.NaN, 2.0, 8.0, Double.NaN, 5.0))).isEqualTo(5.0);
	}

	@Test
	void medianOfNoNumbersIsNotANumber() {
		assertThat(Statistics.median(List.of(Double.NaN))).isNaN();
	}

	@Test
	void spreadIsHalfTheRangeRelativeToTheMedian() {
		assertThat(Statistics.relativeSpread(List.of(90.0, 100.0, 110.0))).isEqualTo(0.1);
	}

	@Test
	void spreadOfASingleRunIsUnknown() {
		assertThat(Statistics.relativeSpread(List.of(100.0, Double.NaN))).isNaN();
	}

	@Test
	void ratioIsUndefinedForAZeroOrMissingReference() {
		assertThat(Statistics.ratio(1.0, 0.0)).isNaN();
		assertThat(Statistics.ratio(1.0, Double.NaN)).isNaN();
		assertThat(Statistics.ratio(3.0, 2.0)).isEqualTo(1.5);
	}

}
