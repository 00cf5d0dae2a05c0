package io.github.natsspring.broker.monitor;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Times and uptimes are written as nats-server's monitoring writes them. */
class GoTimeTests {

	@ParameterizedTest(name = "{0} is written {1}")
	@CsvSource({ "2026-12-02T04:28:48.826088737Z, 2026-12-02T04:28:48.826088737Z",
			"2026-12-02T04:28:48.820000000Z, 2026-12-02T04:28:48.82Z",
			"2026-12-02T04:28:48Z, 2026-12-02T04:28:48Z" })
	void instantsAreRfc3339WithNanosecondsAndNoTrailingZeros(String instant, String expected) {
		assertThat(GoTime.format(Instant.parse(instant))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} seconds are {1}")
	@CsvSource({ "0, 0s", "59, 59s", "60, 1m0s", "3661, 1h1m1s", "90061, 1d1h1m1s", "31626061, 1y1d1h1m1s" })
	void uptimesUseTheLargestUnitFirstInWholeSeconds(long seconds, String expected) {
		assertThat(GoTime.uptime(Duration.ofSeconds(seconds).plusMillis(999))).isEqualTo(expected);
	}
}
