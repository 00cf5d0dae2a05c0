package io.github.natsspring.broker.protocol;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durations in log lines as Go prints them, e.g. nats-server's {@code WriteDeadline of 10s exceeded}.
 */
class GoDurationTests {

	@Test
	void durationsReadAsGoPrintsThem() {
		assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(GoDuration.format(Duration.ofNanos(250))).isEqualTo("250ns");
		assertThat(GoDuration.format(Duration.ofNanos(1500))).isEqualTo("1.5µs");
		assertThat(GoDuration.format(Duration.ofMillis(100))).isEqualTo("100ms");
		assertThat(GoDuration.format(Duration.ofMillis(1100))).isEqualTo("1.1s");
		assertThat(GoDuration.format(Duration.ofSeconds(10))).isEqualTo("10s");
		assertThat(GoDuration.format(Duration.ofMinutes(2))).isEqualTo("2m0s");
		assertThat(GoDuration.format(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
	}
}
